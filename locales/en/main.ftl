portal-name = Patient Portal
skip-to-content = Skip to main content
loading = Loading…
header-language-label = Language
lang-switch = Français
lang-switch-description = Show the portal in French
sign-out = Sign out
footer-label = Useful links
footer-help = Help
footer-accessibility = Accessibility
footer-contact = Contact us

home-title = Welcome to the Patient Portal
home-intro = The portal lets you communicate securely with your care team.
home-invited = Did you receive an invitation by email? Follow the link it contains and keep at hand the invitation code your professional gave you.
home-sign-in = Sign in
home-go-staff = Go to my workspace

help-title = Help
help-intro = Answers to the most frequent questions about the Patient Portal.

accessibility-title = Accessibility
accessibility-intro = The portal is designed to be usable by everyone: with the keyboard alone, with a screen reader, on a phone or a computer, and zoomed up to 200%.
accessibility-browsers-title = Compatible devices and browsers
accessibility-browsers = Use the latest version of Chrome, Edge, Firefox or Safari, on a computer (Windows, macOS, Linux), tablet or phone (iOS, Android).
accessibility-feedback = Is something stopping you from using the portal? Let us know by contacting the support team.

contact-title = Contact us
contact-intro = The support team answers your questions about using the portal. For any question about your care, contact your care team.
contact-phone-label = Phone
contact-phone = 1 833 564-0404 (toll free in Québec)
contact-email-label = Email
contact-hours-label = Opening hours
contact-hours = Monday to Friday, 7 AM to 6 PM

not-found-title = Page not found
not-found-body = The page you asked for does not exist or is no longer available.
not-found-home = Back to the home page

field-required = required
form-error-title = The form contains an error
form-sending = Sending…

sign-in-title = Sign in
sign-in-intro = Enter your email and password. You will then be asked for a verification code.
sign-in-email-label = Email
sign-in-password-label = Password
sign-in-code-label = 6-digit verification code
sign-in-submit = Sign in

setup-title = Activate your account
setup-intro = Hello { $name }, you have been added to { $organisation }. Choose a password and link an authenticator app to activate your account.
setup-email-label = Email (your username)
setup-password-label = Password
setup-password-rules = 12 to 128 characters. An easy-to-remember sentence is ideal. Do not use your name, your email or a common password.
setup-password-confirm-label = Confirm the password
setup-totp-title = Authenticator app
setup-totp-instructions = In your authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP), add an account by scanning this QR code or by typing the key below.
setup-totp-qr-alt = QR code to scan with your authenticator app
setup-totp-secret-label = Key to type in the app
setup-totp-code-label = 6-digit code shown by the app
setup-submit = Activate my account
setup-unusable-title = This link is no longer valid
setup-expired-body = This activation link has expired or was replaced by a newer one. Ask your organisation's administrator for a new link.
setup-used-body = This activation link has already been used. If your account is active, sign in.
setup-unknown-body = This activation link is not recognised. Check that it is complete, or ask your organisation's administrator for a new link.

staff-title = My workspace
staff-greeting = Hello, { $name }
staff-role-admin = Administration of { $organisation }
staff-role-professional = Professional at { $organisation }
staff-empty = Your workspace is ready. Your organisation's patients and staff will appear here.

error-unexpected = An unexpected error occurred. Try again in a moment; if it persists, contact the support team.
error-unavailable = The service is briefly overloaded or unavailable. Try again in a few moments.
error-fault-title = Something went wrong
error-reference = Reference to give the support team: { $reference }
error-fault-home = Back to the home page
error-too-large-title = Too much sent at once
error-request-slow = The request took too long to arrive. Try again, with a better connection if you can.
error-request-too-large = What was sent is too large (64 KiB at most). Shorten the text you typed and try again.
unavailable-title = Service temporarily unavailable
error-request-invalid = The form sent was incomplete. Check the fields and try again.
error-signed-out = Your session has ended. Please sign in again.
error-not-found = This page does not exist or you do not have access to it.
error-credentials = The email or password is incorrect.
error-account-locked = Your account is locked until { $until } (local time) after too many attempts. To unlock it now, choose “Forgot your password?”.
error-email-invalid = Enter a complete email address, for example name@example.com.
error-email-taken = An account already exists with this email.
error-organisation-required = Enter the organisation's name.
error-password-too-short = The password must have at least 12 characters.
error-password-too-long = The password must have at most 128 characters.
error-password-common = This password is too common. Choose another one, for example a sentence of a few words.
error-password-personal = The password must not contain your name or your email.
error-password-mismatch = The two passwords are not the same.
error-totp-wrong = The 6-digit code is wrong or expired. Enter the code the app shows now.
error-setup-link-unusable = This activation link is no longer valid.

mail-setup-subject = Activate your Patient Portal account
mail-setup-body =
    Hello { $name },

    An account has been created for you on the { $organisation } Patient Portal.
    To activate it, open this link (valid for 5 days, usable once):

    { $link }

    You will also need the secret code (for example A-123456) that the person who installed the portal received when they created your account. It is never sent by email.
    You will choose a password and link an authenticator app.
    If you were not expecting this email, ignore it.

    The Patient Portal team

error-code-format = Enter the code in the format A-000000: one letter followed by 6 digits.
error-code-wrong = This code is incorrect. You have { $remaining } attempt(s) left.
error-invitation-unusable = This invitation is no longer valid. Contact the professional who invited you.
error-account-exists = An account already exists with this email. Sign in, then open the invitation link again.
error-given-name-required = Enter the given name.
error-family-name-required = Enter the family name.
error-birth-date-invalid = Enter a valid date of birth, in the format YYYY-MM-DD.
error-mobile-invalid = Enter a valid mobile number, for example 514 555-0199, or leave the field empty.
error-patient-exists = This email already belongs to one of your organisation's patients. Use "Send a new invitation" in the patient list.
error-forbidden = You do not have access to this function.

mail-invitation-subject = Invitation to the Patient Portal
mail-invitation-body =
    Hello { $name },

    { $organisation } invites you to create your account on the Patient Portal.
    Open this link (valid for 5 days):

    { $link }

    You will need the invitation code (format A-000000) your professional gave you in person, by phone or by text message. For your security, this code is never sent by email.
    If the link has expired, contact your professional to receive a new one.

patient-home-title = Home
patient-greeting = Hello, { $name }
patient-home-intro = Your account is ready. Messages and questionnaires from your care team will appear here.

invitation-title = Create your account
invitation-intro = Hello { $name }, { $organisation } invites you to create your Patient Portal account.
invitation-code-explained = Enter the invitation code your professional gave you in person, by phone or by text message. It looks like A-000000 and is never sent by email.
invitation-code-label = Invitation code
invitation-code-hint = Format: one letter and 6 digits, for example A-123456.
invitation-code-submit = Continue
invitation-expired-title = This invitation has expired
invitation-expired-body = An invitation is valid for 5 days. Contact the professional who invited you to receive a new one.
invitation-void-title = This invitation is no longer valid
invitation-void-body = The code was entered incorrectly 5 times. For your security, the invitation was cancelled. Contact your professional to receive a new one.
invitation-used-title = This invitation has already been used
invitation-used-body = Your account already exists. Sign in with your email and password.
invitation-unknown-title = This link is not valid
invitation-unknown-body = This invitation link is not recognised or was replaced by a newer invitation. Use the link in the latest email you received, or contact your professional.
invitation-account-title = Choose your password
invitation-account-intro = Thank you { $name }, your code is valid. Now choose your password.
invitation-account-submit = Create my account
password-live-short = { $count } character(s) out of a minimum of 12.
password-live-long-enough = Long enough.

patients-title = Patients
patients-invite = Invite a patient
patients-search-label = Search for a patient (name, email or date of birth, for example 29/02/1988)
patients-count = { $total ->
    [one] One patient
   *[other] { $total } patients
}
patients-count-more = More than 1,000 patients match: narrow the search (name, email or date of birth).
patients-pages = Patient list pages
pager-previous = Previous
pager-next = Next
patients-search-submit = Search
patients-none = No patient matches.
patients-reissue = Send a new invitation
status-pending = Invitation pending, valid until { $date }
status-expired = Invitation expired
status-void = Invitation cancelled after 5 wrong codes
status-redeemed = Account created
status-none = No valid invitation

invite-title = Invite a patient
invite-intro = The patient will receive a link by email. You will then see the invitation code to hand over yourself.
invite-given-name = Given name
invite-family-name = Family name
invite-birth-date = Date of birth
invite-birth-date-hint = Day, month, year: for example 29/02/1988.
invite-email = Email
invite-language = Preferred language of communication
invite-mobile = Mobile number (optional)
invite-mobile-hint = To help you send the code by text message.
invite-submit = Send the invitation

issued-title = Invitation code
issued-intro = The invitation was emailed to { $name }. Hand over this code:
issued-expires = Valid until { $date } (5 days).
issued-instructions = Give the code by phone, by text message or in person, never by email. It will not be shown again: write it down now if needed.
issued-back = Back to the patient list
issued-gone = This code has already been shown. For security it is shown only once. Use "Send a new invitation" to create a new one.

mail-code-subject = Your verification code: { $code }
mail-code-body =
    Hello { $name },

    Here is your verification code to sign in to the Patient Portal:

    { $code }

    It is valid for 10 minutes and can be used once. Do not share it with anyone: our team will never ask you for it.
    If you did not try to sign in, change your password.
mail-locked-subject = Your Patient Portal account is locked
mail-locked-body =
    Hello { $name },

    After 10 unsuccessful sign-in attempts, your account is locked until midnight (local time).
    Your open sessions stay open, and a browser you have signed in with before can still sign in. To unlock it now, use “Forgot your password?” on the sign-in page.
    If this was not you, someone may know your email: change your password. You can also contact the support team at 1 833 564-0404.

sign-in-next = Continue
sign-in-code-title = Verification code
sign-in-code-email = We have just sent you a 6-digit code by email. It is valid for 10 minutes.
sign-in-code-totp = Enter the 6-digit code shown by your authenticator app.
sign-in-code-resend = Send a new code
sign-in-code-resent = A new code has been sent to you by email.
sign-in-code-verify = Sign in
error-code-too-soon = Wait { $seconds } seconds before asking for a new code.
error-too-many-attempts = Too many attempts. To protect accounts, please try again in { $minutes } min.
error-start-again = This code is no longer valid. Please sign in again.
error-verification-wrong = This code is incorrect. You have { $remaining } attempt(s) left.

account-title = Account settings
account-details = My details
account-name = Name
account-email = Email (username)
account-language = Language of communication
account-record-note = Your name and date of birth come from your record. To correct them, contact your care team.
account-sessions = Active sessions
account-this-device = this device
account-ip = IP address
account-last-seen = last activity

invitation-existing-title = You already have an account
invitation-existing-body = A Patient Portal account already exists with this email. Sign in, then open the invitation link from your email again and enter the code: the organisation will be added to your account.
invitation-add-title = Add this organisation to your account
invitation-add-body = { $organisation } invites you. You will keep using your current account, with the same email and password.
invitation-add-submit = Add to my account
error-invitation-other-account = This invitation is for a different email address than your account's.

team-title = Team
team-role-admin = Administration
team-role-professional = Professional
team-role-support = Support desk
team-service-label = Service
team-service-all = All services
team-add-title = Add a person to the staff
team-add-intro = The person will receive by email a single-use link, valid for 5 days. You will then see a secret code, once, to hand over by phone or in person: with the link and the code they choose a password and link an authenticator app.
team-title-label = Title (optional)
team-title-hint = For example Dr, RN, SW.
team-add-submit = Add and send the link
team-added = The professional was added and the activation link was sent.

forgot-link = Forgot your password?
forgot-title = Forgot password
forgot-intro = Enter your account's email. If it matches an account, you will receive a link, valid for 30 minutes, to choose a new password.
forgot-submit = Send me the link
forgot-sent = If this email matches an account, a link has just been sent to it. Also check your junk mail.
reset-title = Choose a new password
reset-intro = After this change, all your sessions will end and a verification code will be asked at sign-in.
reset-submit = Save the password
reset-unusable-title = This link is no longer valid
reset-unusable-body = A reset link is valid for 30 minutes and works once. Ask for a new one.
reset-done = Your password has been changed. Sign in with the new one.
error-reset-link-unusable = This reset link is no longer valid. Ask for a new one.
mail-reset-subject = Resetting your password
mail-reset-body =
    Hello { $name },

    You asked to change the password of your Patient Portal account. Open this link (valid for 30 minutes, usable once):

    { $link }

    If you did not ask for anything, ignore this email: your password stays the same.

authenticator-title = Authenticator app
authenticator-link = Use an authenticator app instead of a code by email
authenticator-intro = Instead of receiving a code by email at each sign-in, you can use an authenticator app on your phone.
authenticator-start = Set up an app
authenticator-password = Your current password
authenticator-confirm = Turn on the app
authenticator-in-use = Your authenticator app is on: its code will be asked at each sign-in.
error-totp-not-started = First set up the app.
error-password-wrong = The password is incorrect.

## Account self-service
edit = Edit
save = Save
cancel = Cancel
change = Change
manage = Manage
back-to-account = Back to account settings
account-my-data = My data
account-export = Download my data (JSON)
account-saved = Change saved.
account-saved-email = We sent a confirmation link to the new address. Your email changes when you open it (valid 30 minutes).
account-saved-password = Your password is changed. Your other sessions are signed out.
account-saved-sessions = Session ended.
account-saved-method = From now on you will get a code by email at every sign-in.
account-not-set = Not provided
account-birth-date = Date of birth
account-preferred-name = Preferred name
account-preferred-name-hint = The first name or name you would like to be called (optional).
account-phones = Phones
account-mobile = Mobile phone
account-home-phone = Home phone
account-phone-hint = 10-digit number, for example 514-555-0123.
account-address = Mailing address
account-street = Number and street (and apartment)
account-city = City
account-province = Province or territory
account-postal-code = Postal code
account-postal-code-hint = For example H2X 1Y4.
account-address-hint = Leave every field empty to remove your address.
account-language-hint = Your emails and notifications will be written in this language.
account-interface-language = Interface language
account-security = Sign-in and security
account-email-pending = Waiting for confirmation: { $email }
account-password = Password
account-method = Verification at every sign-in
account-method-email = Code sent by email
account-method-totp = Authenticator app
account-recovery-left = { $count ->
    [0] No recovery codes left.
    [one] 1 recovery code left.
   *[other] { $count } recovery codes left.
}
account-end-session = End this session
account-end-others = End all other sessions
province-ab = Alberta
province-bc = British Columbia
province-mb = Manitoba
province-nb = New Brunswick
province-nl = Newfoundland and Labrador
province-ns = Nova Scotia
province-nt = Northwest Territories
province-nu = Nunavut
province-on = Ontario
province-pe = Prince Edward Island
province-qc = Quebec
province-sk = Saskatchewan
province-yt = Yukon
reauth-title = Confirm it's you
reauth-intro = To protect your account, enter your password and then a verification code. You can then make your changes for 5 minutes.
reauth-needed = To make this change, first confirm it's you (password and verification code).
reauth-start = Confirm it's me
sign-in-code-recovery-hint = Lost access to your phone? Enter one of your recovery codes instead.
email-change-title = Change my email
email-change-intro = Your email is also your sign-in username. We will send a confirmation link to the new address; nothing changes until you open it. A notice will also go to your current address.
email-change-new = New email address
email-change-submit = Send the confirmation link
password-change-title = Change my password
password-change-intro = Your other sessions will be signed out and you will get a notice by email.
password-change-submit = Change password
security-title = Verification methods
security-use-email = Get codes by email instead
security-recovery-title = Recovery codes
security-recovery-intro = If you lose your phone, a recovery code replaces the verification code, once each. Generating new ones cancels the old ones.
security-recovery-generate = Generate 10 new codes
recovery-codes-shown-once = Here are your 10 recovery codes. They will never be shown again: write them down or download them, and keep them somewhere safe.
recovery-codes-download = Download the codes (text file)
recovery-codes-gone = These codes were already shown. To get others, generate new ones.
email-confirm-title = Confirm my new email address
email-confirm-intro = Your sign-in address will become { $email }.
email-confirm-submit = Confirm this address
email-changed-title = Email address changed
email-changed-body = Your new address is confirmed. Use it to sign in from now on.
email-report-title = It wasn't me
email-report-intro = If you did not ask to change your account's email address, stop the change: every session of your account will be signed out. Then change your password.
email-report-submit = Stop the change
email-reported-title = Change stopped
email-reported-body = The address change is cancelled (if it had been made, your previous address is your username again), every session of your account is signed out and we sent you a confirmation. Choose a new password, and contact support if in doubt.
access-log-title = My access log
access-log-intro = Everything done in your file and account: by you, a caregiver, a professional or support. Newest first.
access-log-you = You
access-log-pages = Log pages
access-log-newer = Newer
access-log-older = Older
pager-page = Page { $page } of { $pages }
role-admin = administration
role-professional = professional
role-support = support
error-city-invalid = Enter the city.
error-street-invalid = Enter the number and street.
error-province-invalid = Choose a province or territory.
error-postal-code-invalid = The postal code must look like A1A 1A1, for example H2X 1Y4.
error-home-phone-invalid = The number must have 10 digits, for example 514-555-0123.
error-preferred-name-invalid = The preferred name can have at most 60 characters.
error-language-invalid = Choose French or English.
error-email-same = This is already your email address.
error-email-change-unusable = This link can no longer be used: it expired, was already used or was replaced. Start the change again from your account settings.
error-reauth-required = To make this change, first confirm it's you (password and code). The confirmation lasts 5 minutes.
error-totp-required-for-staff = Staff must keep an authenticator app or a passkey: add a passkey first.
mail-email-confirm-subject = Confirm your new email address
mail-email-confirm-body =
    Hello { $name },

    To make this address your patient portal username, open this link (valid 30 minutes):

    { $link }

    If you did not ask for anything, ignore this email: nothing will change.
mail-email-notice-subject = Request to change your email address
mail-email-notice-body =
    Hello { $name },

    Someone asked to replace your patient portal account's email address with { $email }. The change only happens if the link sent to that address is opened.

    If it wasn't you, stop the change here (all your sessions will be signed out), then change your password. This link works for 30 days, even after the change: it then puts this address back.

    { $link }

    Support: 1 833 564-0404.
mail-email-taken-subject = Someone tried to use your email address
mail-email-taken-body =
    Hello { $name },

    Someone asked to make this address the username of another patient portal account. It is already the username of your account, so nothing was changed and no other account can use it.

    If it was you and you wanted to merge two accounts, contact support at 1 833 564-0404. Otherwise, you have nothing to do.
mail-email-reported-subject = Your email address change was stopped
mail-email-reported-body =
    Hello { $name },

    You reported that you did not ask to change your email address. The change is cancelled: your patient portal username is { $email }. Every session of your account was signed out.

    Someone may know your password: choose a new one now with “Forgot your password?” on the sign-in page.

    Support: 1 833 564-0404.
mail-password-changed-subject = Your password was changed
mail-password-changed-body =
    Hello { $name },

    The password of your patient portal account was just changed, and your other sessions were signed out.

    If it wasn't you, use "Forgot password" on the sign-in page and contact support at 1 833 564-0404.
mail-method-added-subject = A new verification method was added
mail-method-added-body =
    Hello { $name },

    An authenticator app was just turned on to sign in to the patient portal. It replaces the codes sent by email.

    If it wasn't you, use "Forgot password" on the sign-in page and contact support at 1 833 564-0404.
audit-account-created = Account created
audit-account-locked = Account locked after 10 attempts
audit-known-browser-locked = A browser used before blocked until midnight after 10 attempts
audit-account-setup-completed = Account activated
audit-bootstrap = First administrator created
audit-data-exported = Data exported
audit-patient-viewed = File viewed by the care team
audit-patient-viewed-by-caregiver = Patient's pages viewed by a caregiver
audit-profile-viewed = Profile viewed by a caregiver
audit-email-change-confirmed = New email address confirmed
audit-email-change-reported = Email change reported ("it wasn't me")
audit-email-change-requested = Email change requested
audit-invitation-created = Invitation sent
audit-invitation-redeemed = Invitation used
audit-invitation-reissued = New invitation sent
audit-patient-email-corrected = Email address corrected before the invitation
audit-invitation-code-failed = Wrong invitation code
audit-invitation-voided = Invitation void after 5 wrong codes
audit-password-changed = Password changed
audit-password-reset-completed = Password reset
audit-password-reset-requested = Password reset requested
audit-reauth-failed = Identity confirmation refused
audit-reauth-succeeded = Identity confirmed
audit-recovery-code-used = Recovery code used
audit-recovery-codes-generated = New recovery codes generated
audit-session-ended = Session ended
audit-sign-in-failed = Sign-in refused
audit-sign-in-refused-locked = Sign-in refused: account locked
audit-sign-in-succeeded = Signed in
audit-sign-out = Signed out
audit-staff-added = Staff member added
audit-totp-enrolled = Authenticator app turned on
audit-totp-password-failed = Wrong password while turning on an authenticator app
audit-totp-removed = Authenticator app removed
audit-verification-code-failed = Wrong verification code
audit-verification-code-sent = Verification code sent
audit-profile-preferred-name-changed = Preferred name changed
audit-profile-phones-changed = Phones changed
audit-profile-address-changed = Mailing address changed
audit-profile-language-changed = Language of communication changed
audit-profile-interface-language-changed = Interface language changed

## Help centre
help-section-general = General
help-section-general-intro = The essentials about the Patient Portal.
help-q-cost = Do I have to pay a subscription?
help-a-cost = No. The portal is offered free of charge by your health organisation.
help-q-professionals = Who are the professionals I exchange with?
help-a-professionals = Every professional you reach through the portal is a member of Québec's health and social services network.
help-q-secure = Is my account secure?
help-a-secure = Yes. Your account is protected by two-step verification (multi-factor authentication): besides your email and password, a verification code is asked at every sign-in.
help-q-mfa = What is multi-factor authentication?
help-a-mfa = An extra check of your identity on top of your email and password: a 6-digit code received by email or shown by an authenticator app. It protects the confidentiality of your information.
help-q-personal = Who can see my personal information?
help-a-personal = Your personal information (name, email, phone, address) may be consulted by the support team when needed to help you. Your access log, in account settings, shows who did what in your file.
help-q-clinical = Who can see my clinical information?
help-a-clinical = Your clinical information (messages, questionnaires) is visible only to your professional and their department, and to caregivers you gave that access to. The support team never sees it.
help-q-verification-code = What is my verification code for?
help-a-verification-code = It is asked at every sign-in, after your password, to make sure it is really you. By email it is valid 10 minutes and works once.
help-section-creation = Creating your account
help-section-creation-intro = Everything you need to create your account.
help-q-create = How do I create my account?
help-a-create = Your professional sends you an invitation by email and gives you an invitation code. Open the link in the email, enter the code, then choose your password.
help-q-link = Where do I find my invitation link?
help-a-link = In the invitation email sent to the address you gave your professional. Check your junk mail too.
help-q-invitation = Where do I find my invitation code?
help-a-invitation = Your professional gives it to you in person, by phone or by text message, never by email. It looks like A-000000 and is valid 5 days.
help-q-renew = My invitation code expired. What now?
help-a-renew = Contact the professional who gave it to you: they can send you a new invitation with a new code. After 5 wrong codes the invitation is cancelled for your safety.
help-section-account = Managing your account
help-section-account-intro = Change your information, your language and your security.
help-q-interface-language = How do I change the language of the pages?
help-a-interface-language = The portal is available in French and English. Click the English or Français button in the header of every page, or choose the interface language in account settings.
help-q-notification-language = How do I change the language of my notifications?
help-a-notification-language = Your emails and notifications follow your language of communication. To change it: click your name in the header, then the Edit button of "Language of communication".
help-q-update = How do I update my information?
help-a-update = Sign in and click your name in the header to open account settings. Information you can change has an Edit button with a pencil icon. Your name and date of birth come from your file: ask your care team to correct them.
help-q-change-email = How do I change my email or password?
help-a-change-email = In account settings, choose Change next to your email or password. For your safety you will first be asked for your password and a verification code. A new email must be confirmed through a link sent to that address.
help-q-lost-phone = I lost the phone with my authenticator app.
help-a-lost-phone = When signing in, enter one of your recovery codes instead of the app's code. Each code works once. Without a recovery code, contact the support team.
help-q-sessions = How do I sign out on another device?
help-a-sessions = In account settings, the list of active sessions shows each device and its last activity. You can end one session or all the others.
help-q-export = How do I get a copy of my data?
help-a-export = In account settings, choose "Download my data": you get a file with everything the portal keeps about you.
help-section-support = Support
help-section-support-intro = How to get help.
help-q-error = An error message appears. What should I do?
help-a-error = Sign out and sign in again, or refresh the page. If the message remains, contact the support team.
help-q-browsers = Which devices and browsers are supported?
help-a-browsers = The Accessibility page, linked at the bottom of every page, lists the supported devices and browsers.
help-q-contact = How do I reach the support team?
help-a-contact = By phone at 1 833 564-0404 (toll-free in Québec) or by email, Monday to Friday from 7 a.m. to 6 p.m.
help-section-professional = Communicating with your professional
help-section-professional-intro = Your exchanges with your care team.
help-q-reply = Why can't I reply to a message?
help-a-reply = The professional can turn off replies to a message. In that case, reach your care team the usual way.
help-q-messages = Who can see my messages?
help-a-messages = The professionals involved in your care in the department, and caregivers you gave access to your messages.
help-q-caregiver = Can a caregiver see my messages?
help-a-caregiver = Yes. The person you choose to help you (including parents of children under 14, tutors and legal representatives) can read your messages or questionnaires with their own email and credentials. Everything they do is recorded under their name.
help-q-read = How do I know whether the professional read my message?
help-a-read = This information is not available.
help-q-invite-caregiver = How do I invite a caregiver?
help-a-invite-caregiver = Tell your care team. The professional adds the person to your file with their email; they receive a link and an access code to create their own credentials.
help-search-label = Search help
help-search-submit = Search
help-results = { $count ->
    [0] No answers for "{ $query }".
    [one] 1 answer for "{ $query }".
   *[other] { $count } answers for "{ $query }".
}
help-show-all = Show all questions
help-still-stuck = Can't find your answer? Contact the support team.
reauth-verify = Confirm

## Caregivers
audit-caregiver-invited = Caregiver invited
audit-caregiver-confirmation-asked = Caregiver who is staff: confirmation asked
audit-caregiver-confirmed = Caregiver confirmed by a second staff member
audit-caregiver-joined = Caregiver: account linked to the file
audit-caregiver-changed = Caregiver access changed
audit-caregiver-ended = Caregiver access removed
audit-caregiver-ended-at-age = Parental access ended at the age of consent
error-ends-on-invalid = The end date must be today or later (YYYY-MM-DD).
error-patient-no-account = This person has no account yet: their profile cannot be seen here.
error-relationship-invalid = Choose the relationship with the person.
error-relationship-not-minor = A parent or tutor can only be added for a child under the organisation's age of consent to care (14 in Québec).
error-scope-required = Tick at least one access.
mail-caregiver-invitation-subject = Invitation to assist { $patient } on the Patient Portal
mail-caregiver-invitation-body =
    Hello { $name },

    { $organisation } invites you to assist { $patient } on the Patient Portal, with your own account.

    Open this link, then enter the access code the care team gave you (valid 5 days):

    { $link }

    If you did not expect this invitation, ignore this email.
mail-caregiver-added-subject = Someone can now act for you on the Patient Portal
mail-caregiver-added-body =
    Hello { $name },

    { $organisation } invited { $caregiver } ({ $relationship }) to assist you on the Patient Portal, with access to: { $scope }.

    This person will have their own account; everything they do for you is recorded under their name in your access log.

    To end this access: sign in, click your name, then "People who can act for me". You can also call your care team.

    If you did not know about this, contact your care team.
error-caregiver-self = You cannot add yourself as a person's caregiver.
error-caregiver-own-invitation = You sent this invitation yourself: another member of the team must send it for you to assist this person.
error-caregiver-confirm-own = Another staff member must confirm: neither the person who added this caregiver nor the person it is for can do it.
error-caregiver-staff-unconfirmed = You are staff of this organisation: a second staff member must confirm this access before you can assist this person.
mail-age-teen-subject = Your file on the Patient Portal
mail-age-teen-body =
    Hello { $name },

    You are now 14: { $caregiver }'s access to your file on the Patient Portal has ended. From now on you decide who may assist you; talk to your care team if you want to give access again.
mail-age-parent-subject = End of your access to a file on the Patient Portal
mail-age-parent-body =
    Hello { $name },

    { $patient } is now 14, the age of consent to care in Québec: your parental access to their file on the Patient Portal has ended. { $patient } can give you access again through their care team.
access-log-acting-for = { $who } for { $patient }
role-parent = parent
role-representative = legal representative
role-helper = trusted helper
account-saved-caregiver = This person's access to your file has ended.
scope-messages = messages
scope-questionnaires = questionnaires
scope-profile = profile
relationship-parent = parent
relationship-representative = legal representative
relationship-helper = trusted helper
relationship-parent-long = Parent or tutor of a child under 14
relationship-representative-long = Legal representative (mandate, tutorship or curatorship)
relationship-helper-long = Trusted helper named by the person
caregiver-until = until
caregiver-scope = Access granted
caregiver-status-invited = invitation sent
caregiver-status-awaiting = awaiting a second confirmation
caregiver-status-active = active
caregiver-status-lapsed = over (date or age reached)
caregiver-status-ended = removed
patient-file-title = Patient file
caregivers-title = Caregivers and representatives
caregivers-none = No caregiver for this person.
caregiver-add = Add a caregiver
caregiver-add-intro = The person gets a link by email; then hand over the access code. They use their own email and credentials, and everything they do is recorded under their name.
caregiver-relationship = Relationship with the person
caregiver-ends-on = End date (optional)
caregiver-ends-on-hint = Last day of access. Parental access ends by itself at 14.
caregiver-note = Note (optional)
caregiver-edit = Change access
caregiver-end = Remove access
caregiver-awaiting-hint = This address belongs to a staff member of the organisation. A second staff member must confirm the access before the invitation is sent; the patient is then told.
caregiver-confirm = Confirm and send the invitation
caregiver-saved-awaiting = Caregiver added. Their address belongs to a staff member: another staff member must confirm the access in this file before the invitation is sent.
caregiver-end-confirm = { $name } will no longer be able to act for you from their next action. Remove this access?
caregiver-end-submit = Yes, remove access
my-caregivers-title = People who can act for me
assisted-title = People I assist
act-for = Act for { $name }
acting-switch = File being viewed
acting-for-banner = You are acting for { $name } ({ $relationship })
my-file = My file
acting-title = Acting for someone
acting-scope = Your access:
acting-recorded = Everything you do here is recorded under your name, for this person.
acting-profile = The person's profile
access-ended-title = Access ended
access-ended-body = Your access to this person's file has ended or does not exist.
settings-title = Organisation settings
settings-age-of-consent = Age of consent to care
settings-age-of-consent-hint = A parent's or tutor's access to a child's file ends at this age (14 in Québec). Between 12 and 19.
error-age-of-consent-invalid = Enter an age between 12 and 19.
audit-organisation-age-of-consent-changed = Organisation's age of consent changed
settings-consent-title = Consent to care
settings-support-title = Support desk
settings-support-intro = The Contact page shows this number and these hours to your organisation's patients, caregivers and staff. Leave empty what you do not publish. A change shows there within a minute.
settings-support-phone = Support desk phone
settings-support-phone-hint = 10 digits, with an extension if needed, for example 514-555-0123 ext. 200.
settings-support-hours = Opening hours
settings-support-hours-hint = The organisation's time. Leave both times empty on a day the desk is closed.
settings-support-saved = The support desk is up to date.
settings-consent-save = Save the age of consent
settings-support-save = Save the support desk
hours-opens = Opens at
hours-closes = Closes at
error-hours-time-invalid = Enter a time such as 7:00 or 18:30.
error-hours-both = Enter the opening and the closing time, or neither if the desk is closed that day.
error-hours-order = The closing time must come after the opening time.
audit-organisation-support-contact-changed = Support desk phone and hours changed
contact-organisations-yours = Your organisation's support desk
contact-organisations-intro = For a question about your account with an organisation (invitation code, unlocking, password), its support desk can help.
contact-closed-days = Closed on other days.

# Dates and times as people read them (ISO only in exports)
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $month } { $day }, { $year }
date-time-long = { $date }, { $hour12 }:{ $minute } { $period }
time-am = AM
time-pm = PM
weekday-monday = Monday
weekday-tuesday = Tuesday
weekday-wednesday = Wednesday
weekday-thursday = Thursday
weekday-friday = Friday
weekday-saturday = Saturday
weekday-sunday = Sunday
time-short = { $hour12 }:{ $minute } { $period }
time-on-the-hour = { $hour12 } { $period }
hours-days = { $first } to { $last }, { $opens } to { $closes }
hours-one-day = { $day }, { $opens } to { $closes }

# A patient's file (care team)
file-contact = Identity and contact
file-account = Account
file-account-none = No account yet
file-account-active = Active
file-account-locked = Locked until { $date }
file-invitations = Invitations
file-invitations-none = No invitation sent.
file-invitation-sent = Sent on { $date } by { $name }
file-invitation-pending = Pending, valid until { $date }
file-invitation-expired = Expired on { $date }
file-invitation-void = Cancelled after 5 wrong codes
file-invitation-replaced = Replaced by a newer invitation
file-invitation-redeemed = Used on { $date }: account created
file-invitation-undelivered = The email could not be delivered: the patient's mail server refused the address. Check it with the patient, correct it below, then send the invitation again.
file-reissue-email = Email address to send the invitation to
file-reissue-email-hint = Correct it if the patient gives you another one; it replaces the old one in their file.
file-activity = Recent activity

# Staff workspace navigation
nav-label = Workspace
nav-menu = Menu
nav-home = Home
nav-settings = Settings

# Web app manifest (home screen)
manifest-short-name = Portal
manifest-description = Your exchanges with your care team, online and secure.
account-recovery-none = You have no recovery codes yet.
account-recovery-create = Create recovery codes
account-phone-mobile = Mobile { $number }
account-phone-home = Home { $number }

# Staff lists (tables)
column-name = Name
column-invitation = Invitation
column-role = Role
column-state = State

# An administrator and a staff member's account
error-account-suspended = Your account is suspended. Contact your organisation's administrator.
error-last-administrator = This is the organisation's last active administrator: name another one first.
error-not-active = This account is not active.
error-not-suspended = This account is not suspended.
error-not-locked = This account is not locked.
audit-account-unlocked = Account unlocked by the administrator
audit-account-suspended = Account suspended by the administrator
audit-account-reactivated = Account reactivated by the administrator
audit-account-password-reset-sent = Password reset sent by the administrator
audit-sign-in-refused-suspended = Sign-in refused: account suspended
mail-unlocked-subject = Your Patient Portal account is unlocked
mail-unlocked-body =
    Hello { $name },

    Your organisation's administrator unlocked your account. You can sign in again.
    If you did not ask for this, change your password.
mail-suspended-subject = Your Patient Portal account is suspended
mail-suspended-body =
    Hello { $name },

    Your organisation's administrator suspended your account: you can no longer sign in and your sessions were closed.
    To learn more, contact them.
mail-reactivated-subject = Your Patient Portal account is reactivated
mail-reactivated-body =
    Hello { $name },

    Your organisation's administrator reactivated your account. You can sign in again.
person-title = Team member
person-email = Email (username)
person-role = Role
person-state = State
person-last-sign-in = Last sign-in
person-never-signed-in = Never signed in
person-state-invited = Invited: waiting for activation
person-state-active = Active
person-state-suspended = Suspended
person-state-locked = Locked until { $date }
person-actions = Actions
person-reset = Send a password reset
person-reset-confirm = A link to choose a new password will be sent to { $email }, and all their sessions will be closed. You never see their password.
person-unlock = Unlock
person-unlock-confirm = The account will be unlocked at once and the person told by email.
person-suspend = Suspend
person-suspend-confirm = The person will no longer be able to sign in and their sessions end at once. They will be told by email.
person-reactivate = Reactivate
person-reactivate-confirm = The person will be able to sign in again and will be told by email.
person-confirm = Confirm
person-done-reset = The reset was sent and their sessions are closed.
person-done-unlocked = The account is unlocked.
person-done-suspended = The account is suspended.
person-done-reactivated = The account is reactivated.
person-make-admin = Make administrator
person-make-admin-confirm = They will be able to manage the staff, the care teams and the organisation's settings. They will be told by email.
person-end-admin = End administration
person-end-admin-confirm = They will stay on the staff without managing the organisation. They will be told by email. An active administrator must always remain.
person-remove = Remove from the organisation
person-remove-confirm = Their access to this organisation ends at once, they leave its care teams and their sessions are closed. Their account stays if it is used elsewhere (patient, caregiver, another organisation). A notice will be sent to { $email }.
person-done-made-admin = They are now an administrator.
person-done-admin-ended = They are no longer an administrator.
person-done-removed = The person was removed from the organisation.
team-search-label = Search for a person (name, email or professional number)
team-state-label = Account state
team-state-all = All
team-state-invited = Invited
team-state-active = Active
team-state-suspended = Suspended
team-state-locked = Locked
team-count = { $total ->
    [one] One person
   *[other] { $total } people
}
team-none = Nobody matches.
team-pages = Staff list pages
team-number-label = Professional number (optional)
team-number-hint = Physician: 1-12345 · resident: 5-12345 · specialised nurse practitioner: 8-12345, with or without the dash.
column-number = Number
person-number = Professional number
person-number-none = None
person-number-save = Save the number
person-done-number = The professional number is saved.
error-professional-number-invalid = This number is not valid: a physician has 1-12345, a resident 5-12345, a specialised nurse practitioner 8-12345.
error-professional-number-taken = Another person of the organisation already has this number.
message-author-staff-number = { $name }, { $number }
audit-staff-number-set = Professional number saved
error-already-administrator = This person is already an administrator.
error-not-administrator = This person is not an administrator.
audit-account-made-administrator = Made administrator
audit-account-administrator-ended = Administration ended
audit-account-removed-from-organisation = Removed from the organisation
mail-administrator-made-subject = You are an administrator of your organisation on the Patient Portal
mail-administrator-made-body =
    Hello { $name },

    An administrator of your organisation made you an administrator: you can now manage the staff, the care teams and the organisation's settings.
    If you think this is a mistake, contact them.
mail-administrator-ended-subject = You are no longer an administrator on the Patient Portal
mail-administrator-ended-body =
    Hello { $name },

    An administrator of your organisation ended your administrator role. You keep your other access.
mail-removed-subject = You are no longer part of an organisation on the Patient Portal
mail-removed-body =
    Hello { $name },

    An administrator of { $organisation } removed you from the organisation: your access to it has ended and your sessions were closed.
    If you think this is a mistake, contact them.
staff-administrators = Your organisation's administrators
staff-administrators-hint = For access, a password or a locked account, ask one of them.

# Secure messaging
messages-title = Messages
messages-intro = Your exchanges with your care team. Only the professionals of that team see them.
messages-none = No messages yet.
messages-count = { $total ->
    [one] 1 conversation
   *[other] { $total } conversations
}
messages-unread = { $count ->
    [one] 1 unread conversation
   *[other] { $count } unread conversations
}
messages-search-label = Search by subject
messages-pages = Conversation pages
messages-write = Write to my care team
messages-write-none = None of your care teams accepts new messages. You can reply to the messages they send you.
messages-back = Back to messages
message-emails-title = Email notices
message-emails-legend = Email me
message-emails-each = When a message arrives (at most one email per conversation per hour)
message-emails-daily = Once a day, a summary of the conversations with unread messages
message-emails-off = Never
message-emails-hint = The email only says that a message is waiting, never what it says.
message-new = New
message-author-me = You
message-author-staff = { $name }
message-author-caregiver = { $name } (caregiver) for { $patient }
message-subject = Subject
message-body = Message
message-team = Care team
message-team-from = Write on behalf of the team
message-send = Send
message-replies-allowed = The patient may reply to this message
reply-label = Your reply
conversation-title = Conversation
conversation-with = With: { $team }
conversation-team = Team: { $team }
conversation-closed = Closed
conversation-closed-explained = This conversation is closed: you can no longer write in it. To reach your care team, call them.
conversation-closed-staff = This conversation is closed. Reopen it to write in it.
replies-off-explained = Your care team did not enable replies to this message. To reach them, call them.
replies-off-explained-phone = Your care team did not enable replies to this message. To reach them, call { $phone }.
conversation-hide-label = Hide this conversation from my caregivers
conversation-assigned-to = Taken by { $name }
conversation-take = Take it
conversation-release = Let it go
conversation-close = Close the conversation
conversation-reopen = Reopen the conversation
conversation-new-title = Write to the patient
conversation-new-heading = Write to { $patient }
conversation-new-no-team = You are in no care team that follows this patient. Add the patient to your team's list in their file, or ask an administrator to add you to a team.
inbox-title = Team messages
inbox-filters = Filter conversations
inbox-all = All
inbox-unread = Unread
inbox-mine = Taken by me
inbox-search-label = Search by patient or subject
inbox-none = No conversations.
inbox-back = Back to team messages
file-teams = Care teams
file-teams-none = No care team follows this patient.
file-teams-remove = Remove
file-teams-add-label = Add a care team
file-teams-add = Add the team
teams-title = Care teams
teams-intro = A conversation is between one patient and one team: every member of the team sees it, nobody else.
teams-none = No care teams yet.
teams-members = { $count ->
    [0] No members
    [one] 1 member
   *[other] { $count } members
}
teams-new = New team
teams-create = Create the team
team-name = Team name
team-phone = Team phone
team-phone-hint = Given to patients when replies are off. Optional.
team-patients-may-start = Patients may write first
team-replies-by-default = Patients may reply (default)
team-settings = Settings
team-members = Members
team-members-none = No members yet.
team-member-remove = Remove from the team
team-member-add-label = Add a member
team-member-add = Add
error-conversation-closed = This conversation is closed: nobody can write in it any more.
error-replies-off = Your care team did not enable replies to this message.
error-attachment-type = Only PDF, JPEG and PNG files can be attached. Choose your files again.
error-attachment-too-large = A file can be 10 MB at most. Choose your files again.
error-attachments-too-many = You can attach 5 files at most to a message. Choose your files again.
message-files = Attach files (optional)
message-files-hint = PDF, JPEG or PNG, up to 5 files of 10 MB each.
message-files-list = Files attached
file-size = ({ $size })
file-size-kb = { $size } KB
file-size-mb = { $size } MB
decimal-separator = .
error-mail-choice-invalid = Choose how you want to hear of new messages.
error-message-required = Write your message.
error-message-too-long = A message cannot be longer than 10,000 characters.
error-subject-required = Enter the subject.
error-subject-too-long = The subject cannot be longer than 200 characters.
error-team-invalid = Choose one of your care teams.
error-team-not-following = This patient is not on this team's list. Add the team in their file first.
error-team-name-required = Enter the team's name.
error-team-name-too-long = A team's name cannot be longer than 100 characters.
error-team-name-taken = Another team of your organisation already has this name.
error-member-invalid = Choose a professional or an administrator of your organisation.
mail-message-digest-subject = Your daily summary of messages on the Patient Portal
mail-message-digest-body =
    Hello { $name },

    Conversations of your care teams with messages you have not read yet: { $count }.
    To read them, sign in:
    { $link }

    This email contains no health information. To change these notices, see "Email me" in your team inbox.
mail-new-message-subject = You have a new message on the Patient Portal
mail-new-message-body =
    Hello { $name },

    You have a new message on the Patient Portal. To read it, sign in:
    { $link }

    This email contains no health information. To stop these notices, choose "Never" under "Email me" in your messages.
audit-conversation-started = Conversation started
audit-message-sent = Message sent
audit-attachment-added = File attached to a message
audit-attachment-downloaded = File downloaded
audit-conversation-read = Conversation read (first time)
audit-conversation-closed = Conversation closed
audit-conversation-reopened = Conversation reopened
audit-conversation-assigned = Conversation taken
audit-conversation-unassigned = Conversation let go
audit-conversation-hidden-from-caregivers = Conversation hidden from caregivers
audit-conversation-shown-to-caregivers = Conversation shown to caregivers
audit-message-emails-each = New-message emails turned on
audit-message-emails-daily = Daily summary of messages chosen
audit-message-emails-off = New-message emails turned off
audit-team-created = Care team created
audit-team-updated = Care team changed
audit-team-member-added = Member added to a care team
audit-team-member-removed = Member removed from a care team
audit-team-patient-added = Patient added to a care team's list
audit-team-patient-removed = Patient removed from a care team's list
yes = Yes
no = No
error-action-required = Choose what to do with the conversation.
service-invitations = Patient invitations
service-invitations-about = Invite patients and send them a new invitation.
service-caregivers = Caregivers
service-caregivers-about = Add and manage the caregivers on patients' files.
service-messaging = Messaging
service-messaging-about = Read and answer the care teams' conversations with patients.
service-questionnaires = Questionnaires
service-questionnaires-about = Send questionnaires to patients and review their answers.
service-administration = Team administration
service-administration-about = Add people, choose their services, manage care teams and the organisation's settings.
service-support-desk = Support desk
service-support-desk-about = Help people with their account: personal data only, nothing clinical.
services-none = No service
services-title = Services
services-legend = Services this person may use
services-update = Update the services
services-yours = Your services
services-nothing = You have no service in this organisation.
services-nothing-hint = Your account stays open. To use the portal for your work, ask one of your organisation's administrators below.
audit-staff-services-changed = Services changed
mail-services-changed-subject = Your services on the Patient Portal changed
mail-services-changed-body =
    Hello { $name },

    An administrator of { $organisation } changed the services you may use. You may now use:
    { $services }

    If you think this is a mistake, contact them.
error-services-required = Choose at least one service for this person.
person-done-services = The services were updated and the person was told by email.
mail-setup-code-body =
    Hello { $name },

    An administrator of { $organisation } created an account for you on the Patient Portal.
    To activate it, open this link (valid for 5 days, usable once):

    { $link }

    You will also need the secret code (for example A-123456) that your administrator gives you by phone or in person. It is never sent by email.
    You will then choose a password and link an authenticator app.
    If you did not expect this email, ignore it.
audit-setup-link-code-failed = Wrong secret code on an activation link
audit-setup-link-voided = Activation link void after 5 wrong secret codes
audit-staff-secret-code-generated = New secret code generated
setup-code-intro = Hello { $name }, you have been added to { $organisation }. First, enter the secret code your administrator gave you by phone or in person. It looks like A-000000 and is never sent by email.
setup-code-label = Secret code
setup-void-body = This activation link no longer works: the secret code was entered wrongly 5 times. Ask your organisation's administrator to generate a new secret code; you will get a new link.
error-already-activated = This person has already activated their account: a secret code is no longer needed.
person-new-code = Generate a new secret code
person-new-code-confirm = A new activation link will be sent to { $email } and the old link and secret code will stop working at once. You will see the new secret code once, to hand over by phone or in person.
staff-code-title = Secret code to hand over
staff-code-intro = Give this secret code to { $name } by phone or in person. With it and the link they received by email, they activate their account.
staff-code-write-down = Write it down: it will not be shown again.
staff-code-expires = The link and the code work until { $date }, and the link once.
staff-code-gone = The secret code was shown once and can no longer be displayed. If it was lost, generate a new one from the person's page.
staff-code-back = Back to the team
copy = Copy
copied = Copied
error-already-on-staff = This person is already on your organisation's staff: change their services from their page.
audit-staff-added-existing = Existing account added to the staff
mail-joined-subject = You now have access to an organisation on the Patient Portal
mail-joined-body =
    Hello { $name },

    An administrator of { $organisation } added you to their staff on the Patient Portal. There is nothing to activate: sign in as usual. You may use:
    { $services }

    If you think this is a mistake, contact them.
team-existing-question = Does this person already have a Portail account?
team-existing-hint = For example a professional who already works with another organisation on the portal.
team-existing-yes = Yes, they have an account
team-existing-no = No, create an account
team-existing-title = Add a person who already has an account
team-existing-intro = Enter the email they sign in with. They will be asked to join your staff with the services ticked, and will be on it only once they accept.
team-existing-submit = Ask to join the staff
team-new-title = Create an account for a new person
team-change-answer = Change my answer
staff-role-support = Support desk of { $organisation }
audit-support-viewed = Support desk viewed your account
audit-support-unlocked = Unlocked by the support desk
audit-support-password-reset-sent = Password reset instructions sent by the support desk
audit-support-invitation-resent = New invitation sent by the support desk
support-title = Support desk
support-intro = Find the person calling by name, email or date of birth. You see their personal data and how they get in, never anything clinical; each view is in their access log.
support-search-label = Name, email or date of birth
support-none = Nobody of the organisation matches this search.
support-person-title = A person, for the support desk
support-personal-only = Personal data only: messages, questionnaires and what caregivers may do are not shown here.
support-language = Language
support-mobile = Mobile phone
support-home-phone = Home phone
support-state = Account
support-state-active = Active
support-state-pending = Not activated yet
support-state-suspended = Suspended
support-state-locked = Locked until { $date }
support-events = Recent security events
support-unlock = Unlock
support-reset = Send password reset instructions
support-resend = Send a new invitation
support-done-unlocked = The account is unlocked and the person was told by email.
support-done-reset = Instructions to choose a new password were sent to the person's email.
support-back = Back to the search
overview-title = Overview
overview-now = Needs attention now
overview-locked = Accounts locked now
overview-staff-pending = Staff who have not activated their account
overview-mail-waiting = Emails waiting to be sent (whole portal)
overview-mail-failed = Emails given up after the last attempt (whole portal)
overview-weeks = Invitations per week, last 12 weeks
overview-weeks-hint = Each invitation is counted in the week it was sent, with what became of it since: redeemed (an account was created), expired, or void after 5 wrong codes.
overview-week-of = Week of
overview-sent = Sent
overview-redeemed = Redeemed
overview-expired = Expired
overview-void = Void
nav-overview = Overview

# ---- Tenancy: the organisation one works in, joining and leaving a staff ----
error-choose-organisation = First choose the organisation you are working in, from the staff home.
error-account-shared = This account also belongs to another organisation: only the platform's support desk can act on the whole account (password, unlock). Please contact them.
error-join-needs-authenticator = Staff sign in with an authenticator app. Add one in your account's security settings, then accept again.
audit-session-organisation-chosen = Organisation to work in chosen
audit-staff-join-asked = Asked to join the staff
audit-staff-join-withdrawn = Request to join the staff withdrawn
audit-staff-join-accepted = Request to join the staff accepted
audit-staff-join-declined = Request to join the staff declined
audit-staff-left = Left the organisation's staff
mail-join-asked-subject = An organisation asks you to join its staff on the Patient Portal
mail-join-asked-body =
    Hello { $name },

    An administrator of { $organisation } asks you to join their staff on the Patient Portal, with these services:
    { $services }

    Nothing changes until you accept. To accept or decline, sign in and open "My organisations":
    { $link }

    If you do not know this organisation, decline or ignore this email.
workplace-label = Organisation you are working in:
workplace-choose = Choose the organisation
workplace-choose-hint = You work in several organisations. Choose the one you are working in now: the staff pages show only its data.
workplace-here = You are working here now.
workplace-work-in = Work in { $organisation }
team-existing-asked = If this person has an account, they have been asked to join your staff and will be on it once they accept. If not, create one with "No".
team-waiting-title = Waiting for acceptance
team-waiting-state = waiting for acceptance
team-waiting-until = The request stays open until { $date }.
team-waiting-withdraw = Withdraw the request
team-waiting-withdrawn = The request was withdrawn.
person-account-shared = This account also belongs to another organisation: password resets and unlocking go through the platform's support desk. You act only on their place in your organisation.
organisations-title = My organisations
organisations-requests = Requests to join a staff
organisations-request-intro = { $organisation } asks you to join its staff, with these services:
organisations-request-until = Answer before { $date }.
organisations-accept = Accept
organisations-decline = Decline
organisations-staff = Organisations I work in
organisations-staff-none = You are not on any organisation's staff.
organisations-leave = Leave this organisation
organisations-leave-confirm = Leave { $organisation }? You will no longer have access; only one of its administrators can ask you to join again.
organisations-leave-cancel = Do not leave
organisations-patient = Organisations that follow me as a patient
organisations-done-accepted = You are now on this organisation's staff.
organisations-done-declined = The request was declined.
organisations-done-left = You left this organisation.
header-patient-space = My health space
header-staff-space = Staff workspace
support-account-shared = This account also belongs to another organisation: unlocking and password resets go through the platform's support desk.
patient-home-recent = Your latest conversations, by organisation

error-id-invalid = This reference is not valid. Go back to the previous page and try again.

idle-warning-title = Are you still there?
idle-warning-text = Without any activity from you, you will be signed out in 2 minutes to protect your information.
idle-warning-stay = Stay signed in
signed-out-idle = You were signed out after 30 minutes without activity, to protect your information. Sign in again to continue.
idle-cap-title = Your session ends soon
idle-cap-text = For security, a session lasts at most 12 hours: it ends in 2 minutes. Save what you are writing, then sign in again.
idle-cap-ok = Got it
route-loading = Loading the page…
form-upload-progress = { $percent }% sent
error-connection-lost = The connection was lost: nothing was sent. Check your connection and try again; what you wrote is kept.
questionnaires-title = Questionnaires
questionnaires-intro = Questionnaires your care team sent you. Your answers are saved at each part: you can stop and carry on later, on another device.
questionnaires-intro-for = Questionnaires sent to { $name }. What you fill in is recorded under your name.
questionnaires-to-fill = To fill
questionnaires-done = Done
questionnaires-none-to-fill = No questionnaire to fill.
questionnaires-none-done = No questionnaire filled yet.
questionnaires-count = Questionnaires to fill: { $count }
questionnaire-due = Due { $date }
questionnaire-overdue = Overdue
questionnaire-sent-on = Sent on { $date } by { $name }
questionnaire-submitted-on = Sent to the team on { $date }
questionnaire-fill = Fill in
questionnaire-see = See the answers
questionnaire-part-of = Part { $n } of { $count }
questionnaire-question-of = Question { $n } of { $count }
questionnaire-note = Note from the care team
questionnaire-next = Save and continue
questionnaire-previous = Save and go back to the previous part
questionnaire-save = Save draft
questionnaire-submit = Send to the care team
questionnaire-submit-hint = Once sent, the answers can no longer be changed.
questionnaire-saved = Draft saved.
questionnaire-required = (required)
questionnaire-optional = (optional)
questionnaire-submitted-notice = These answers were sent to the care team on { $date }. They can no longer be changed.
questionnaire-filled-by-caregiver = Filled by { $name }, caregiver, for { $patient }
questionnaire-filled-by-patient = Filled by { $name }
questionnaire-no-answer = No answer
questionnaire-not-asked = Not asked (because of an earlier answer)
questionnaire-back = Back to questionnaires
questionnaire-scale-hint = From 0 ({ $low }) to 10 ({ $high })
questionnaire-date-hint = Day, month, year: for example 29/02/1988.
questionnaire-choose-many = Tick every answer that applies.
file-questionnaires = Questionnaires
file-questionnaires-none = No questionnaire sent.
questionnaire-send-title = Send a questionnaire
questionnaire-choose = Questionnaire
questionnaire-due-label = Due date (optional)
questionnaire-note-label = Note for the patient (optional)
error-questionnaire-no-patient = Tick at least one patient.
team-send-title = Send a questionnaire to several patients
team-send-intro = Choose one of your teams, then the patients on its list to send the questionnaire to. Each receives an email without health information.
team-send-team = Team
team-send-show = Show the team's patients
team-send-patients = Patients on the team's list
team-send-no-team = You are in no care team of this organisation.
team-send-no-patients = This team's list holds no patient.
team-send-submit = Send to the ticked patients
team-send-sent = Questionnaires sent: { $count }.
questionnaire-show-score = Show the patient the score and its interpretation once the questionnaire is filled
questionnaire-note-hint = Seen by the patient and their caregivers. The notice email contains neither the questionnaire's name nor this note.
questionnaire-send = Send the questionnaire
questionnaire-sent = Questionnaire sent: the patient and their authorised caregivers get a notice by email.
questionnaire-state-sent = Sent, not filled yet
questionnaire-state-overdue = Overdue
questionnaire-state-submitted = Filled, to review
questionnaire-state-reviewed = Reviewed
questionnaire-open = Open
questionnaire-score = Score: { $score }
questionnaire-alert = Alert: { $flag }
questionnaire-result = Result
questionnaire-total = Total score
questionnaire-history-title = Scores over time
questionnaire-history-date = Date
questionnaire-history-this = (this questionnaire)
questionnaire-band = Interpretation
questionnaire-symptom = Symptom
questionnaire-value = Value
questionnaire-level = Level
questionnaire-answers = Answers
questionnaire-question = Question
questionnaire-answer = Answer
questionnaire-mark-reviewed = Mark reviewed
questionnaire-comment = Comment (optional)
questionnaire-reviewed-by = Reviewed on { $date } by { $name }
questionnaire-not-submitted = Not filled yet.
questionnaire-patient = Patient: { $name }
questionnaires-waiting-title = Questionnaires to review
questionnaires-waiting-intro = Questionnaires filled by your teams' patients and not reviewed yet: those with an alert first.
questionnaires-waiting-none = No questionnaire to review.
nav-questionnaires = Questionnaires
error-answer-choice = Choose one of the answers offered.
error-answer-date = Enter a valid date: day, month, year, for example 29/02/1988.
error-answer-number = Enter a number, for example 72.5.
error-answer-whole-number = Enter a whole number, without decimals.
error-answer-range = Enter a number from { $min } to { $max }.
error-answer-required = Answer this question before sending the questionnaire.
error-answer-too-long = The text is too long: { $max } characters at most.
error-comment-too-long = The comment is too long: 2,000 characters at most.
error-due-date-past = The due date cannot have passed already.
error-questionnaire-choose = Choose a questionnaire from the list.
error-questionnaire-condition = A condition refers to an unknown question or one that comes later.
error-questionnaire-definition = This questionnaire is not valid.
error-questionnaire-empty-group = A section has no question.
error-questionnaire-link-id = Every question needs an identifier of its own.
error-questionnaire-not-submitted = This questionnaire has not been filled yet.
error-questionnaire-options = A choice question needs answers that all differ.
error-questionnaire-reviewed = This questionnaire was already reviewed.
error-questionnaire-scoring = The score counts a question that has no value.
error-questionnaire-submitted = This questionnaire was already sent to the team: it can no longer be changed.
error-fhir-json = This file is not valid JSON (line { $line }, column { $column }).
error-fhir-too-large = This questionnaire is too long: { $max } KB at most.
error-fhir-empty = Paste the FHIR Questionnaire to import.
error-fhir-resource-type = This file holds a “{ $found }” resource, not a FHIR Questionnaire.
error-fhir-no-name = The questionnaire needs an identifier (id or name).
error-fhir-title = The title must exist in French and in English (translation extension).
error-fhir-description = The description must exist in French and in English (translation extension).
error-fhir-scoring = The score calculation Portail declared in this file cannot be read.
error-fhir-no-items = The questionnaire holds no question.
error-fhir-no-link-id = Item { $item }: the linkId is missing.
error-fhir-translation = Item { $item } ({ $link }): the text has no { $lang ->
        [en] English
       *[fr] French
    } version.
error-fhir-unit = Item { $item } ({ $link }): the unit must exist in French and in English.
error-fhir-nested = Item { $item } ({ $link }): only a section (group) may hold questions.
error-fhir-value-set = Item { $item } ({ $link }): answers must be listed in answerOption (answerValueSet is not read).
error-fhir-option = Item { $item } ({ $link }): each answer option needs a code (valueCoding).
error-fhir-option-translation = Item { $item } ({ $link }): the answer “{ $code }” must exist in French and in English.
error-fhir-weight = Item { $item } ({ $link }): the value (ordinalValue) of the answer “{ $code }” must be a whole number.
error-fhir-scale = Item { $item } ({ $link }): a scale (slider) runs from 0 to 10 and names both ends (lower, upper).
error-fhir-type = Item { $item } ({ $link }): the type “{ $type }” is not supported.
error-fhir-unknown-link = Item { $item } ({ $link }): enableWhen refers to unknown linkId “{ $question }”.
error-fhir-enable-when = Item { $item } ({ $link }): this enableWhen condition is not supported (operators =, !=, >, <, exists).
error-fhir-condition-later = Item { $item } ({ $link }): a condition can only look at a question asked before.
error-fhir-link-id = Item { $item }: the linkId “{ $link }” is used twice.
error-fhir-options = Item { $item } ({ $link }): a choice question must offer answers whose codes all differ.
error-fhir-empty-group = Item { $item } ({ $link }): this section holds no question.
error-fhir-scoring-item = Item { $item } ({ $link }): the score adds up a question that has no value.
error-fhir-definition = Item { $item } ({ $link }): this questionnaire is not valid.
audit-questionnaire-sent = Questionnaire sent
audit-questionnaire-opened = Questionnaire opened
audit-questionnaire-submitted = Questionnaire filled and sent
audit-questionnaire-viewed = Questionnaire answers viewed
audit-questionnaire-reviewed = Questionnaire reviewed
audit-questionnaire-exported = Questionnaire answers exported
audit-questionnaire-imported = Questionnaire imported into the library
error-questionnaire-same-version = This version already is the library's latest: nothing was added.
library-title = Questionnaire library
library-intro = The questionnaires your organisation can send, in their latest version. Changing a questionnaire makes a new version of it: answers stay tied to the version filled.
library-link = Questionnaire library
library-col-questionnaire = Questionnaire
library-col-version = Version
library-col-code = Code
library-col-downloads = Downloads
library-download-fhir = FHIR Questionnaire
library-download-csv = Answers (CSV)
library-download-bundle = Answers (FHIR)
library-download-of = of “{ $title }”
library-import-title = Import a FHIR R4 questionnaire
library-import-help = Paste a FHIR R4 Questionnaire in JSON. Every text must exist in French and in English (translation extension). A questionnaire whose identifier already exists becomes its next version.
library-import-field = FHIR Questionnaire (JSON)
library-import-submit = Import
library-imported = “{ $title }” is in the library, version { $version }.
mail-questionnaire-subject = A questionnaire is waiting for you on the Patient Portal
mail-questionnaire-body =
    Hello { $name },

    Your care team sent you a questionnaire to fill on the Patient Portal. To see it, sign in:
    { $link }

    This email contains no health information.
questionnaire-flag-badge = Alert
mail-questionnaire-alert-subject = A filled questionnaire needs your attention
mail-questionnaire-alert-body =
    Hello { $name },

    A questionnaire filled by a patient your care team follows raised an alert. To see it, sign in:
    { $link }

    This email contains no health information. You receive it because you chose alerts by email; you can stop them on the Questionnaires page.
audit-questionnaire-alerts-on = Questionnaire alerts by email turned on
audit-questionnaire-alerts-off = Questionnaire alerts by email turned off
questionnaire-alerts-title = Alerts by email
questionnaire-alerts-label = Email me when a questionnaire filled by a patient of my teams raises an alert (for example PHQ-9 question 9 above 0)
questionnaire-alerts-save = Save
questionnaire-alerts-saved = Your choice is saved.
mail-questionnaire-reminder-subject = Reminder: a questionnaire is waiting for you on the Patient Portal
mail-questionnaire-reminder-body =
    Hello { $name },

    Reminder: your care team sent you a questionnaire to fill by { $date }. To fill it, sign in:
    { $link }

    This email contains no health information.

## The questionnaire builder
audit-questionnaire-drafted = Questionnaire draft started
audit-questionnaire-published = Questionnaire published in the library
audit-questionnaire-discarded = Questionnaire draft discarded
audit-questionnaire-archived = Questionnaire archived
audit-questionnaire-restored = Questionnaire brought back from the archive
audit-questionnaire-builders-all = Professionals may now build questionnaires
audit-questionnaire-builders-administrators = Only administrators may now build questionnaires
error-builder-busy = Someone else is changing this draft right now. Try again.
error-builder-condition = This answer does not fit the question chosen: for a choice, type one of its answers as written; for yes/no, “yes” or “no”; otherwise a number.
error-builder-depended-on = Another question ({ $item }) is shown only depending on this one: change that condition first.
error-builder-draft-exists = A draft of this questionnaire is already being written.
error-builder-item = This question is no longer in the draft.
error-builder-kind = Choose the kind of question.
error-builder-min-max = The maximum must be at least the minimum.
error-builder-number = Enter a number, for example 12 or 37.5.
error-builder-operator = Choose how the answer is compared.
error-builder-option-line = Line { $line }: write “French | English”, or “French | English | points” for a scored answer.
error-builder-options = A choice needs between 2 and { $max } answers, one per line.
error-builder-scored = The score counts this question ({ $item }): it cannot be removed.
error-builder-section = Choose the section the question goes in.
error-builder-text-long = This text is too long ({ $max } characters at most).
error-builder-text-required = Enter this text: every text exists in French and in English.
error-builder-too-many = A questionnaire holds { $max } questions at most.
error-builder-validated = This instrument is validated as published: its wording and scoring are not changed here. An official new version can be imported in FHIR.
builder-title = Questionnaire builder
builder-intro = Each change is saved in the draft at once; patients see nothing until you publish.
builder-new = New questionnaire.
builder-editing-version = Publishing makes a new version: answers already given stay tied to the version filled.
builder-scored-note = This questionnaire has a score: its scored questions cannot be removed.
builder-saved = Change saved in the draft.
builder-details = Title and instructions
builder-title-fr = Title in French
builder-title-en = Title in English
builder-instructions-fr = Instructions in French (optional)
builder-instructions-en = Instructions in English (optional)
builder-save-details = Save title and instructions
builder-items = Sections and questions
builder-kind-section = Section
builder-kind-short-text = Short text
builder-kind-long-text = Long text
builder-kind-choice = One choice
builder-kind-multiple = Several choices
builder-kind-yes-no = Yes or no
builder-kind-integer = Whole number
builder-kind-decimal = Decimal number
builder-kind-date = Date
builder-kind-scale = Scale from 0 to 10
builder-kind-display = Text to read (no answer)
builder-op-equals = is
builder-op-not-equals = is not
builder-op-greater = is more than
builder-op-less = is less than
builder-op-exists = is answered
builder-shown-when = shown only when “{ $question }” { $operator } { $answer }
builder-edit = Edit
builder-move-up = Move up
builder-move-down = Move down
builder-remove = Remove
builder-edit-title = Edit
builder-save-item = Save
builder-add-title = Add a question
builder-add-submit = Add the question
builder-section-label = Section
builder-kind-label = Kind of question
builder-text-fr = Text in French
builder-text-en = Text in English
builder-required = An answer is required
builder-choices-legend = For a choice
builder-options-hint = One answer per line: “French | English”, or “French | English | points” when the answer counts in a score.
builder-options = Answers
builder-number-legend = For a number
builder-min = Minimum (optional)
builder-max = Maximum (optional)
builder-unit-fr = Unit in French (optional)
builder-unit-en = Unit in English (optional)
builder-scale-legend = For a scale from 0 to 10
builder-low-fr = Label of 0, in French
builder-low-en = Label of 0, in English
builder-high-fr = Label of 10, in French
builder-high-en = Label of 10, in English
builder-when-legend = Shown only when (optional)
builder-when-hint = The question is asked only when an earlier answer matches.
builder-when-always = Always shown
builder-when-question = Earlier question
builder-when-operator = Comparison
builder-when-answer = Answer
builder-add-section-title = Add a section
builder-add-section-submit = Add the section
builder-publish-title = Preview and publish
builder-preview = Preview as a patient
builder-preview-note = Preview: this is how patients see this questionnaire. Every question is shown, conditions aside; nothing is saved.
builder-back = Back to the builder
builder-publish-hint = Publishing adds this questionnaire to the library, where it can be sent.
builder-publish = Publish
builder-discard = Discard the draft
library-new-title = Build a questionnaire
library-drafts = Drafts being written
library-new-submit = Start building
library-edit = Edit
library-archive = Archive
library-archived = Archived questionnaires
library-restore = Bring back
library-discarded = The draft was discarded.
library-builders-title = Who builds questionnaires
library-builders-professionals = Professionals holding the Questionnaires service may build questionnaires too (administrators always may)
library-builders-save = Save
questionnaire-autosaved = Saved at { $time }.
questionnaire-autosave-failed = Not saved yet: { $reason }
questionnaire-autosaving = Saving…

## Organisations joining the portal
footer-join = Organisations: join the portal
join-title = Join the Patient Portal
join-intro = Health organisations offer the portal to their patients. The organisation's legally responsible person asks to join and designates an administrator; we check that the organisation may hold health information, then the participation agreement is signed online.
join-processing = Today we are processing requests received on or before { $date }.
join-questions-title = Can your organisation ask to join?
join-custodian-question = Is your organisation a health information custodian?
join-yes = Yes
join-no = No
join-custodian-hint = A custodian has custody or control of personal health information in the course of its health care duties.
join-kind = Kind of organisation
join-kind-clinic = Clinic
join-kind-family-medicine-group = Family medicine group
join-kind-hospital = Hospital or health establishment
join-kind-community = Community organisation
join-kind-other = Other
join-requester-question = Who are you?
join-requester-lrp = The organisation's legally responsible person
join-requester-delegate = Someone the legally responsible person delegated this authority to
join-requester-neither = Neither
join-lrp-hint = The legally responsible person may sign for the organisation and bind it legally; usually the owner or the medical director.
join-continue = Continue
join-not-custodian-title = The portal is for health information custodians
join-not-custodian-body = The portal holds health information: only an organisation that has custody of it in its care duties can offer it to its patients. If you are not sure whether your organisation is one, ask its privacy officer.
join-not-responsible-title = The request must come from the legally responsible person
join-not-responsible-body = Only the organisation's legally responsible person, or someone they delegated this authority to, can ask to join. If you do not know who that is, ask the decision maker or the service manager of your clinic or establishment.
join-change-answers = Change my answers
join-request-title = Request to join
join-request-intro = Every field is required, except the administrator's when the legally responsible person is the administrator too. A confirmation link will be emailed: the request counts once confirmed.
join-organisation = The organisation
join-legal-name = Legal name
join-address = Address
join-phone = Organisation's phone
join-delegate = You
join-delegate-name = Your full name
join-delegate-email = Your email address
join-confirm-hint = The confirmation link will be sent to this address.
join-lrp = The legally responsible person
join-given-name = Given name
join-family-name = Family name
join-lrp-title = Title or position
join-email = Email address
join-lrp-email-hint = The legally responsible person will receive the agreement to sign at this address.
join-phone-person = Phone
join-admin = The designated administrator
join-admin-hint = The administrator adds the team and manages access. They receive the activation link, and the legally responsible person the secret code: neither email alone opens the account.
join-lrp-is-admin = The legally responsible person is also the administrator
join-services = Services wanted
join-attestation = I attest that this information is accurate and that I have the authority to make this request on the organisation's behalf.
join-submit = Send the request
join-sent-title = Check your email
join-sent-body = We sent you a link to confirm the request. It will only be reviewed once confirmed.
join-sent-hint = The link works for 24 hours. Nothing received? Check your junk mail folder, or make the request again.
join-link-unusable-title = This link no longer works
join-link-unusable-body = A confirmation link works for 24 hours; a request not confirmed is then deleted.
join-ask-again = Make a new request
join-confirm-title = Confirm the request
join-confirm-body = Confirm { $organisation }'s request to join so that it can be reviewed.
join-confirm-submit = Confirm the request
join-confirmed-title = Request received
join-confirmed = { $organisation }'s request is confirmed.
join-confirmed-next = We will write to you at each step: a question if needed, the decision, then the agreement to sign.
error-join-kind-required = Choose the kind of organisation.
error-join-requester-required = Say who is making the request.
error-join-legal-name-required = Enter the organisation's legal name.
error-join-address-required = Enter the organisation's address.
error-line-too-long = At most 200 characters, without control characters.
error-phone-required = Enter a phone number.
error-phone-invalid = Enter a valid phone number, for example 514-555-0199.
error-join-delegate-name-required = Enter your full name.
error-join-title-required = Enter the title or position.
error-join-services-required = Tick at least one service.
error-join-attestation-required = Tick the attestation to send the request.
error-join-link-unusable = This confirmation link no longer works. Make the request again.
mail-organisation-request-subject = Confirm the request to join the Patient Portal
mail-organisation-request-body =
    Hello,

    A request to join the Patient Portal was made for { $organisation } with this address. To confirm it, open this link within 24 hours:
    { $link }

    If you did not ask for anything, ignore this email: the request will be deleted.
audit-organisation-request-submitted = Organisation's request to join sent
audit-organisation-request-confirmed = Organisation's request to join confirmed

## Privacy policy
footer-privacy = Privacy
privacy-notice = To offer you some services, we must collect, use and sometimes share your personal information. To learn more about how we protect it, read our
privacy-notice-link = privacy policy.
privacy-title = Privacy policy
privacy-intro = The Patient Portal holds health information. Here is what it collects, why, who can see it, how long it keeps it and how to get a copy.
privacy-responsible-title = Who is responsible
privacy-responsible = Each health organisation that invites you (your clinic, your hospital) is responsible for your information in the portal; the portal hosts it on its behalf. One organisation never sees what you exchange with another.
privacy-collected-title = What we collect
privacy-collected-identity = Your identity and contact details: name, date of birth, email address, mobile number, preferred language.
privacy-collected-account = Your account: your password (never in clear, only in a form from which it cannot be recovered), your verification method, and a record of your sign-ins (date, network address, browser).
privacy-collected-care = What you and your care team write: messages, attached files, questionnaire answers. For a caregiver, the access the patient granted and its scope.
privacy-why-title = Why
privacy-why = To give you the online services your organisation offers, to protect your account from use by someone else, and to keep a record of who did what, as the law requires of health records.
privacy-who-title = Who can see it
privacy-who-team = Your care team: the organisation's staff who hold the service concerned. Every time staff open your file, it appears in your access log.
privacy-who-caregivers = The caregivers you chose, within the scope you granted them; each of their actions is recorded under their own name.
privacy-who-support = Your organisation's support desk: your contact details and your account's state, never the content of your care.
privacy-who-operator = The platform operator: organisations and their requests to join, never patients' information.
privacy-kept-title = How long
privacy-kept-record = Your messages and questionnaire answers are part of the record your organisation must keep: they are kept for as long as the law requires it, even if you close your account.
privacy-kept-short = Verification codes expire after 10 minutes, invitations after 5 days; a remembered browser is forgotten 180 days after its last sign-in.
privacy-kept-erased = What serves only a moment is erased afterwards: the record of a sign-in (date, network address, browser) { $sessions } days after its last activity (the most recent one stays, so that your organisation knows when you last signed in), links sent by email { $links } days after they expire, the record that an email was sent (address, subject) after { $mail } days. The text of an email is erased as soon as it is sent.
privacy-yours-title = Your responsibilities
privacy-yours-user = Each user is responsible for the activity under their username: keep your sign-in address and password confidential. If you think someone else is using your account, change your password and tell your organisation's support desk.
privacy-yours-copy = You can download a copy of all your data from your account settings.
privacy-contact-title = Your questions
privacy-contact = For any question about your information, contact the privacy officer of the organisation that invited you, or its support desk.
privacy-export-link = Download my data (account settings)
settings-privacy-title = Privacy officer
settings-privacy-intro = The privacy policy names them to the organisation's patients, caregivers and staff. A name, and an email address or a phone; leave everything empty to name nobody.
settings-privacy-name = Name
settings-privacy-email = Email address
settings-privacy-phone = Phone
settings-privacy-save = Save the privacy officer
settings-privacy-saved = The privacy officer is saved.
error-privacy-officer-name-required = Enter the privacy officer's name.
error-privacy-officer-reach-required = Enter an email address or a phone to reach them.
audit-organisation-privacy-officer-changed = Privacy officer changed

## The platform's operators (issue #31)
mail-operator-setup-subject = Activate your patient portal operator account
mail-operator-setup-first-body =
    Hello { $name },

    A platform operator account was created for you when the patient portal was installed.
    To activate it, open this link (valid 5 days, single use):

    { $link }

    You will also need the secret code (for example A-123456) that the person who installed the portal received. It is never sent by email.
    You will choose a password and set up an authenticator app.
    If you were not expecting this email, ignore it.
mail-operator-setup-added-body =
    Hello { $name },

    A person who runs the platform added you as an operator of the patient portal.
    To activate your account, open this link (valid 5 days, single use):

    { $link }

    You will also need the secret code (for example A-123456) that this person gives you by phone or in person. It is never sent by email.
    You will choose a password and set up an authenticator app.
    If you were not expecting this email, ignore it.
setup-platform = the patient portal platform
audit-operator-bootstrap = First platform operator created at installation
audit-operator-added = Platform operator added
error-operator-exists = The platform already has an operator: operators add others from the console.
error-operator-email-taken = This address already has a portal account. An operator uses an account for that alone: give another address.
operator-nav-label = Platform console
operator-nav-requests = Requests to join
operator-nav-operators = Operators
operator-requests-title = Requests to join
operator-requests-intro = Requests confirmed by email, oldest first: process them in this order.
operator-states-label = Request states
operator-requests-none = No request in this state.
operator-request-organisation = Organisation
operator-request-kind = Kind
operator-request-received = Received
operator-request-age = Waiting
operator-age-days = { $days ->
    [0] less than a day
    [one] 1 day
   *[other] { $days } days
}
request-state-unconfirmed = Unconfirmed
request-state-submitted = To review
request-state-information-requested = Information requested
request-state-agreement-pending = Approved, agreement to sign
request-state-active = Active
request-state-refused = Refused
request-note-question = Question from { $name }
request-note-answer = The requester's answer
request-note-refusal = Reason for refusal, by { $name }
operator-request-title = Request from { $organisation }
operator-request-back = All requests
operator-request-state = State
operator-request-received-on = Received { $date } — waiting for { $age }
operator-request-the-organisation = The organisation
operator-request-address = Address
operator-request-phone = Phone
operator-request-services = Services wanted
operator-request-language = Language of emails
operator-request-lrp = Legally responsible person
operator-request-admin = Designated administrator
operator-request-requester = Request made by
operator-request-requester-lrp = The legally responsible person themself
operator-request-requester-delegate = { $name } ({ $email }), delegated
operator-request-name = Name
operator-request-title-field = Title
operator-request-email = Email
operator-request-notes = Exchanges
operator-request-decided = Decision: { $state }, on { $date }, by { $name }.
operator-decide-title = Decision
operator-approve-title = Approve
operator-approve-hint = The legally responsible person receives the participation agreement to sign online; a delegate who made the request is told.
operator-approve-submit = Approve the request
operator-ask-title = Ask for information
operator-ask-label = Your question
operator-ask-hint = Emailed to the requester with a link to answer. The request keeps its place in the queue.
operator-ask-submit = Send the question
operator-refuse-title = Refuse
operator-refuse-label = Reason for refusal
operator-refuse-hint = Sent to the requester as written.
operator-refuse-submit = Refuse the request
operator-done-approve = The request is approved: the agreement was sent to the legally responsible person.
operator-done-ask = The question was sent to the requester.
operator-done-refuse = The request is refused and the requester told.
error-reason-required = Write the reason for refusal: it is sent to the requester.
error-question-required = Write your question.
error-note-too-long = 4,000 characters at most.
error-request-already-decided = This request was already processed (by someone else, or in another tab). The page shows the decision made.
audit-organisation-request-approved = Organisation's request to join approved
audit-organisation-request-refused = Organisation's request to join refused
audit-organisation-request-information-requested = Information requested about a request to join
audit-organisation-request-answered = Requester answered a question about their request to join
mail-organisation-request-question-subject = A question about { $organisation }'s request to join
mail-organisation-request-question-body =
    Hello,

    To review { $organisation }'s request to join the patient portal, we need some information:

    { $question }

    Answer by opening this link:
    { $link }

    The request keeps its place in the queue and will be reviewed as soon as you answer.
mail-organisation-request-refused-subject = { $organisation }'s request to join refused
mail-organisation-request-refused-body =
    Hello,

    { $organisation }'s request to join the patient portal is refused, for this reason:

    { $reason }

    You may ask again if the situation changes.
mail-organisation-request-approved-subject = { $organisation }'s request to join approved
mail-organisation-request-approved-body =
    Hello,

    { $organisation }'s request to join the patient portal is approved.
    The legally responsible person will receive the participation agreement and the terms of use to read and sign online.
operator-operators-title = Platform operators
operator-operators-intro = Operators review organisations' requests to join. They never see patients' or staff's information.
operator-operator-state = State
operator-operator-since = Since
operator-operator-active = Active
operator-operator-pending = Not activated yet
operator-operator-me = (you)
operator-add-title = Add an operator
operator-add-hint = The activation link is emailed to them; the secret code that goes with it is shown to you once, to give them by phone or in person.
operator-add-language = Language of their emails
operator-add-submit = Add the operator
operator-code-title = The new operator's secret code
operator-code-intro = Give this code to { $name } by phone or in person. Their activation link asks for it.
operator-code-write-down = Write it down: it will not be shown again.
operator-code-expires = The link and this code stop working after { $date }.
operator-code-gone = This code was already shown. If it is lost, add the operator again with another address, or ask whoever runs the server.
operator-code-back = Back to operators
join-answer-title = Answer the question about your request
join-answer-intro = To review { $organisation }'s request to join, we need this information:
join-answer-label = Your answer
join-answer-submit = Send my answer
join-answered-title = Answer sent
join-answered = Thank you: your answer about { $organisation }'s request was passed on. The request takes its place in the queue again.
join-answer-unusable = This link no longer works: a newer question replaced it, or the request was processed. See the latest email you received about it.
error-join-answer-required = Write your answer.
error-answer-already-sent = Your answer was already passed on.
mail-organisation-agreement-subject = { $organisation }'s participation agreement to sign
mail-organisation-agreement-body =
    Hello { $name },

    { $organisation }'s request to join the patient portal is approved.
    As the legally responsible person, read the participation agreement and the terms of use, then sign them online (link valid 30 days):

    { $link }

    Once the agreement is signed, the designated administrator will receive their activation link, and you the secret code that goes with it: give it to them by phone or in person.
mail-administrator-code-subject = The secret code of { $organisation }'s administrator
mail-administrator-code-body =
    Hello,

    { $organisation }'s participation agreement is signed. { $admin } received their activation link by email; here is the secret code that goes with it:

    { $code }

    Give it to them by phone or in person: their link asks for it, and neither email is enough alone. The link and the code stop working after { $date }.
mail-setup-lrp-code-body =
    Hello { $name },

    { $organisation } is joining the patient portal and you are its designated administrator.
    To activate your account, open this link (valid 5 days, single use):

    { $link }

    You will also need the secret code (for example A-123456) emailed to { $responsible }, the legally responsible person: ask them for it. It is never sent to your address.
    You will then choose a password and set up an authenticator app.
join-agreement-title = Participation agreement
join-agreement-intro = Read { $organisation }'s participation agreement and the terms of use, then sign by typing your name.
join-agreement-sign-title = Signature
join-agreement-name-label = Your full name, as signature
join-agreement-name-hint = As on the request: { $name }
join-agreement-accept = I have read the participation agreement and the terms of use, and accept them on the organisation's behalf.
join-agreement-submit = Sign the agreement
join-agreement-signed-title = Agreement signed
join-agreement-signed = { $organisation }'s participation agreement is signed. The designated administrator receives their activation link, and you the secret code to give them.
join-agreement-unusable = This link no longer works: it expired, or it is incomplete. Write to us to receive a new one.
error-signature-required = Type your full name to sign.
error-signature-name = Type your name as it is on the request.
error-agreement-accept-required = Tick the box to accept the agreement and the terms.
audit-organisation-agreement-signed = Participation agreement signed and organisation created
agreement-title = Signed participation agreement
agreement-signed-by = Signed by { $name } on { $date }.
agreement-signed-from = Address: { $ip } — browser: { $agent }
agreement-versions = Agreement version { $agreement }, terms of use version { $terms }.
agreement-print = Print
agreement-link = See the signed agreement
agreement-none = This organisation was installed on the server, without a request to join: it has no agreement signed online.
operator-request-back-one = Back to the request
operator-nav-organisations = Organisations
operator-organisations-title = Organisations
operator-organisations-intro = The organisations using the portal: their state, their administrators and how many people work there or are followed there. You never see who their patients are.
operator-organisations-none = No organisation yet.
operator-organisation-state = State
operator-organisation-active = Active
operator-organisation-suspended = Suspended since { $date }
operator-organisation-administrators = Administrators
operator-organisation-counts = People
operator-organisation-count = { $staff } staff, { $patients } patients
operator-organisation-since = Since
operator-suspend-label = Reason for the suspension
operator-suspend-hint = Sent to the organisation's administrators. Its staff will no longer be able to work in it; its patients will see a notice and keep access to their information.
operator-suspend-submit = Suspend the organisation
operator-reactivate-submit = Reactivate the organisation
operator-organisation-reason = Reason: { $reason }
operator-done-suspended = The organisation is suspended and its administrators told.
operator-done-reactivated = The organisation is reactivated and its administrators told.
error-suspension-reason-required = Write the reason for the suspension: it is sent to the administrators.
audit-organisation-suspended = Organisation suspended by the platform
audit-organisation-reactivated = Organisation reactivated by the platform
mail-organisation-suspended-subject = { $organisation } is suspended from the patient portal
mail-organisation-suspended-body =
    Hello { $name },

    The patient portal platform suspended { $organisation }, for this reason:

    { $reason }

    While the suspension lasts, its staff can no longer work in it; its patients see a notice and keep access to their information and its copy. Answer the platform to have it lifted.
mail-organisation-reactivated-subject = { $organisation } is reactivated on the patient portal
mail-organisation-reactivated-body =
    Hello { $name },

    The patient portal platform reactivated { $organisation }: its staff can work in it again.
staff-organisation-suspended = { $organisation } is suspended by the platform: its staff cannot work in it while the suspension lasts. Its administrators received the reason by email.
patient-organisation-suspended = { $organisation } does not offer its online services for now: its team cannot answer you here. You keep access to your information and its copy. For a care need, call the organisation.

# Organisation details, first steps and audit trail (issue #31)
settings-details-title = Organisation details
settings-details-intro = The name, address and phone your patients and staff see, and the time zone of every date and time in the organisation.
settings-organisation-name = Organisation name
settings-organisation-address = Address
settings-organisation-phone = The organisation's phone number
settings-time-zone = Time zone
settings-details-save = Save the details
settings-details-saved = Organisation details saved.
time-zone-newfoundland = Newfoundland (St. John's)
time-zone-atlantic = Atlantic (Halifax, Moncton)
time-zone-eastern = Eastern (Montréal, Toronto)
time-zone-central = Central (Winnipeg)
time-zone-saskatchewan = Saskatchewan (Regina, no daylight saving time)
time-zone-mountain = Mountain (Edmonton, Calgary)
time-zone-pacific = Pacific (Vancouver)
time-zone-yukon = Yukon (Whitehorse)
error-time-zone-unknown = Choose a time zone from the list.
audit-organisation-details-changed = Organisation details changed
first-steps-title = First steps
first-steps-intro = What is left to do before your patients arrive. Each step ticks itself once done.
first-steps-progress = { $done } of { $total } steps done
first-steps-details = Confirm your organisation's details
first-steps-staff = Add the members of your staff
first-steps-support = Set the support desk's phone and hours
first-steps-care-team = Create a care team
first-steps-patients = Invite your first patients
first-steps-done = done
first-steps-to-do = to do
nav-audit = Audit trail
audit-trail-title = Audit trail
audit-trail-intro = Every action taken in the organisation, newest first: by your staff, your patients and their caregivers, and by the platform's operators. Nothing in it is ever changed or erased.
audit-trail-who = By whom
audit-who-all = Everyone
audit-who-operators = The platform's operators
audit-who-staff = Staff
audit-who-patients = Patients and caregivers
audit-trail-since = From
audit-trail-until = Until
audit-trail-show = Show
audit-trail-when = When
audit-trail-actor = By
audit-trail-action = Action
audit-trail-about = About
audit-trail-ip = IP address
audit-trail-none = No action matches.
role-operator = platform operator
audit-trail-not-signed-in = nobody signed in
audit-trail-for = for { $name }
audit-trail-count = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
error-date-range = The start date must come before the end date.
error-date-invalid = Enter a valid date, as YYYY-MM-DD.

# Closing one's own account (issue #31)
close-account-link = Close my account
close-account-title = Close my account
close-account-intro = Closing your account ends your access to the portal. Before you go on, read what it changes.
close-account-kept = Your messages and questionnaire answers stay in your care team's record, as the law requires. Download a copy of your data first if you want one.
close-account-sign-in = You will no longer be able to sign in, on any device: your sessions end at once.
close-account-caregivers = Caregivers who act for you lose their access, and you lose yours to the people you assist.
close-account-again = To come back later, ask your care team for a new invitation: a new account will be created.
close-account-understood = I have read the above and I want to close my account
close-account-submit = Close my account for good
closed-title = Account closed
closed-body = Your account is closed and you are signed out. A confirmation was sent to your email address.
error-close-understood = Tick the box to confirm that you want to close your account.
error-close-staff = You are on an organisation's staff: leave your organisations first (My organisations), then close your account.
error-close-operator = A platform operator's account is not closed here: ask another operator.
error-close-already = This account is already closed.
audit-account-closed = Account closed by its holder
mail-account-closed-subject = Your Patient Portal account is closed
mail-account-closed-body =
    Hello { $name },

    Your Patient Portal account was closed at your request. You can no longer sign in, and the caregiver access that concerned you has ended.

    Your messages and questionnaire answers stay in your care team's record, as the law requires.

    If you did not ask for this, contact your care team at once.

# Terms of use accepted (issue #31)
terms-title = Terms of use
terms-read = Read the terms of use (new tab)
terms-accept-label = I have read and I accept the terms of use
terms-accept-title = New terms of use
terms-accept-intro = The portal's terms of use have changed. Read and accept them to go on.
terms-responsible = A reminder: you are responsible for all activity under your username. Keep your password and codes confidential and never share them.
terms-accept-submit = Accept and go on
error-terms-required = Tick the box to accept the terms of use.
audit-terms-accepted = Terms of use accepted
footer-terms = Terms of use
operator-nav-documents = Documents
operator-documents-title = The platform's documents
operator-documents-intro = The terms of use and the participation agreement, in French and English (Markdown). Publishing a change makes it a new version.
operator-document-published = New version published.
document-terms = Terms of use
document-agreement = Participation agreement
operator-document-current = { $document } — version { $version } in force
operator-document-effect-terms = Everyone will have to accept the new version before their next page; they may also close their account.
operator-document-effect-agreement = Organisations that sign from now on sign the new version; agreements already signed stay as they are.
operator-document-french = French text (Markdown)
operator-document-english = English text (Markdown)
operator-document-publish = Publish version { $version }
operator-document-versions = Published versions
operator-document-name = Document
operator-document-version = Version
operator-document-date = Published on
operator-document-by = By
operator-document-shipped = Shipped with the portal
error-document-text-required = Write this document's text in this language.
error-document-too-long = This text is over 50,000 characters.
error-document-published-meanwhile = Another operator has just published a version: read the version in force before publishing.
audit-platform-document-published = New version of a platform document published

## Inviting many patients from a file (issue #31)
patients-import = Invite from a file
import-title = Invite patients from a file
import-intro = Send the list of patients exported from your electronic medical record. You first see what the portal understood of it, row by row; nothing is sent before you confirm. Each patient then receives their link by email, and you get the list of codes to hand over.
import-formats = A CSV file (columns separated by semicolons or commas, in UTF-8 or Windows-1252) or a FHIR R4 Bundle of Patient resources, up to 5,000 patients and 8 MB.
import-columns = Columns recognised: First name, Last name, Date of birth and Email (required), Mobile and Language (optional), or their French names (Prénom, Nom, Date de naissance, Courriel, Cellulaire, Langue). Other columns are ignored.
import-file-label = Patients file
import-submit = Read the file
import-recent = Your recent files
import-recent-line = { $file }, sent on { $date }
import-state-preview = to confirm
import-state-confirmed = invitations under way
import-state-finished = invitations done
import-preview-title = Patients in the file
import-file = File: { $file }
import-rows = { $count ->
    [one] 1 row read.
   *[other] { $count } rows read.
}
import-count-invite = { $count ->
    [0] Nobody will be invited.
    [one] 1 patient will be invited.
   *[other] { $count } patients will be invited.
}
import-count-already = { $count ->
    [0] None is already a patient.
    [one] 1 is already a patient of the organisation.
   *[other] { $count } are already patients of the organisation.
}
import-count-errors = { $count ->
    [0] No errors.
    [one] 1 row has an error and will not be invited.
   *[other] { $count } rows have an error and will not be invited.
}
import-fix-hint = To invite the rows in error, correct them in the file and send it again: the patients already invited will be recognised.
import-verdict-invite = Will be invited
import-verdict-patient = Already a patient
import-verdict-error = Error: { $reason }
import-verdict-invited = Invited
import-show-all = All rows
import-show-problems = Only the rows that will not be invited
import-column-line = Row
import-column-language = Language
import-column-result = Result
import-pages = Pages of the file's rows
import-confirm = { $count ->
    [one] Invite 1 patient
   *[other] Invite { $count } patients
}
import-discard = Set this file aside
import-another = Send another file
import-progress-title = Invitations under way
import-progress = { $invited } of { $total } patients invited.
import-mails = Emails: { $sent } sent, { $waiting } waiting, { $failed } failed.
import-mails-failed = A failed email could not be delivered: correct the address in the patient's file and send them a new invitation.
import-refresh = Update the progress
import-done = Every invitation is done. Hand each patient their code: they need it with the link they received by email.
import-print-codes = See and print the list of codes
import-export-codes = Download the codes (CSV)
import-codes-title = Invitation codes to hand over
import-codes-intro = Each patient received a link by email. Hand them their code in person, by phone or by text message, never by email. Each code works once, until the date shown.
import-codes-none = No code to hand over: this file's invitations were used, replaced or have expired.
import-column-code = Code
import-column-expires = Valid until
import-back = Back to the file
error-import-too-large = The file is over 8 MB: split it into several files.
error-import-empty = The file holds no patient.
error-import-too-many = The file holds more than 5,000 patients: split it into several files.
error-import-columns = The file's first row must name its columns, among them First name, Last name, Date of birth and Email.
error-import-unreadable = The file could not be read as a CSV file.
error-import-fhir-invalid = The file is not a FHIR R4 Bundle of Patient resources.
error-import-file-required = Choose the file to send.
error-import-twice = This email is already on an earlier row of the file.
error-import-nobody = No patient in this file can be invited.
error-import-already-confirmed = These invitations are already under way: the file can no longer be set aside.
audit-patient-import-confirmed = Patients invited from a file
audit-patient-import-codes-read = List of a file's invitation codes read

## The secret code of a new staff member mailed to an authoriser (issue #31, seed 000)
team-code-to-legend = Who receives the secret code?
team-code-to-hint = The activation link is emailed to the person added; it works only with the secret code. The code can be shown to you once, or emailed to a person who authorises the access (their manager, for example), who hands it over: that way no single email opens the account.
team-code-to-me = Show it to me now: I hand it over myself
team-code-to-authoriser = Email it to the person who authorises the access
team-authoriser-name = Name of the person who authorises the access
team-authoriser-email = Email of the person who authorises the access
team-authoriser-email-hint = Not the address of the person added: their code would arrive beside their link.
team-code-mailed = The account is created. The activation link was sent to the person added, and the secret code to the person who authorises the access.
error-authoriser-name-required = Enter the name of the person who authorises the access.
error-authoriser-same-email = Choose someone other than the person added: the code and the link must reach two different addresses.
mail-setup-authoriser-code-body =
    Hello { $name },

    An administrator of { $organisation } created an account for you on the Patient Portal.
    To activate it, open this link (valid 5 days, single use):

    { $link }

    You will also need the secret code (for example A-123456) emailed to { $authoriser }, who authorises your access: ask them for it. It is never sent to your address.
    You will then choose a password and link an authenticator app.
    If you were not expecting this email, ignore it.
mail-staff-code-subject = Secret code of a new account at { $organisation }
mail-staff-code-body =
    Hello { $name },

    An administrator of { $organisation } created an account on the Patient Portal for { $staff } and named you to authorise this access. { $staff } received their activation link by email; here is the secret code that goes with it:

    { $code }

    Hand it over by phone or in person, never by email: their link asks for it, and neither email is enough alone. The link and the code stop working after { $date }.
    If you do not know this person or do not authorise this access, do not hand over the code and tell the administration of { $organisation }.

## The support desk deactivates an account reported as used by someone else (issue #31, seed 000)
support-deactivate = Deactivate the account (reported as used by someone else)
support-reactivate = Reactivate the account (its owner is identified)
support-done-deactivated = The account is deactivated: its sessions are closed and the person was told by email.
support-done-reactivated = The account is reactivated and the person was told by email. If needed, send them the instructions to choose a new password.
error-deactivate-staff = A staff account is suspended by its organisation's administrators, on the Team page.
audit-support-account-deactivated = Account deactivated by the support desk (used by someone else)
audit-support-account-reactivated = Account reactivated by the support desk
mail-desk-deactivated-subject = Your Patient Portal account is deactivated
mail-desk-deactivated-body =
    Hello { $name },

    The support desk of { $organisation } deactivated your account, which was reported to it as used by someone else. Nobody can sign in to it any more and all its sessions were closed.
    To get it back, contact the support desk of { $organisation }: it will check your identity before reactivating it.
mail-desk-reactivated-subject = Your Patient Portal account is reactivated
mail-desk-reactivated-body =
    Hello { $name },

    The support desk of { $organisation } reactivated your account. You can sign in again.
    If someone else may have learned your password, choose a new one with "Forgot password?" on the sign-in page.
error-service-not-offered = Your organisation does not offer this service on the patient portal.
error-services-offered-none = Choose at least one service besides administration.
audit-organisation-services-changed = Services offered changed by the platform
mail-organisation-services-subject = The services { $organisation } offers on the patient portal changed
mail-organisation-services-body =
    Hello { $name },

    The patient portal platform changed the services { $organisation } offers. It now offers:
    { $services }

    Staff members who held a service it no longer offers lost it. If you did not ask for this change, answer the platform.
services-offered-hint = Only the services your organisation offers are listed.
operator-organisation-services = Services offered
operator-services-change = Change the services offered
operator-services-legend = Services this organisation offers
operator-services-hint = Administration is always offered. A service taken away is taken from every staff member who holds it; the administrators are told by email.
operator-services-submit = Save the services offered
operator-done-services = The services offered were changed and the administrators were told by email.
details-services-title = Services offered
details-services-hint = These are the services your organisation asked for when it joined. To offer another one, or to stop offering one, write to the patient portal platform.
settings-logo-title = Logo
settings-logo-intro = Your staff, patients and their caregivers see it beside the organisation's name. Nobody else does.
settings-logo-alt = Logo of { $organisation }
settings-logo-none = The organisation has no logo yet.
settings-logo-remove = Remove the logo
settings-logo-label = Logo file
settings-logo-hint = PNG or JPEG, 256 KB at most; about 4 times as wide as high shows best.
settings-logo-submit = Save the logo
settings-logo-saved = The logo was saved.
settings-logo-removed = The logo was removed.
error-logo-required = Choose the logo's file.
error-logo-too-large = This image is over 256 KB. Save it smaller (for example 400 pixels wide) and send it again.
error-logo-format = This file is not a PNG or JPEG image. Save the logo as PNG or JPEG and send it again.
audit-organisation-logo-changed = Logo changed
audit-organisation-logo-removed = Logo removed
settings-support-email = Support desk email
settings-support-email-hint = Optional. The address your patients and staff may write to about using the portal.
join-services-hint = Administration (managing your staff and their access) comes with every organisation.
# Passkeys (issue #34)
passkeys-title = Passkeys
passkeys-intro = A passkey lets you sign in with your phone's or computer's fingerprint, face or PIN, without a password or code. It only works on this portal's address, so a fake site cannot use it.
passkeys-none = You have no passkey yet.
passkeys-list = Your passkeys
passkey-added-on = Added { $date }
passkey-used-on = Last used { $date }
passkey-never-used = Not used yet
passkey-remove = Remove { $passkey }
passkey-name-label = Name of this passkey
passkey-name-hint = For example "Léa's Pixel" or "Work computer", to recognise it in this list.
passkey-add = Add a passkey
passkey-working = Follow your device's instructions…
passkey-cancelled = The passkey was not used: the request was cancelled or timed out. You can try again.
passkey-sign-in = Sign in with a passkey
passkey-sign-in-or = Or, without typing anything:
passkey-reauth = Confirm with a passkey
account-saved-passkey-added = Your passkey is added. You can sign in with it from now on.
account-saved-passkey-removed = The passkey is removed.
error-passkeys-unavailable = Passkeys are not available on this address of the portal.
error-passkey-failed = This passkey could not be verified. Try again, or sign in with your password.
error-passkey-name-required = Enter a name for this passkey.
error-passkey-name-long = The name must be 60 characters or fewer.
error-passkeys-too-many = You already have 20 passkeys. Remove one before adding another.
error-passkey-known = This passkey is already registered.
error-passkey-last-for-staff = Staff must keep a passkey or an authenticator app: add another one before removing this one.
error-passkey-none = You have no passkey: confirm with your password.
mail-passkey-added-subject = A passkey was added to your account
mail-passkey-added-body =
    Hello { $name },

    A passkey named "{ $passkey }" was just added to your patient portal account. It can now be used to sign in.

    If it wasn't you, sign in, remove it under Account settings → Sign-in and security, and contact support at 1 833 564-0404.
mail-passkey-removed-subject = A passkey was removed from your account
mail-passkey-removed-body =
    Hello { $name },

    The passkey named "{ $passkey }" was just removed from your patient portal account. It can no longer be used to sign in.

    If it wasn't you, use "Forgot password" on the sign-in page and contact support at 1 833 564-0404.
audit-passkey-added = Passkey added
audit-passkey-add-failed = Passkey not added: it could not be verified
audit-passkey-removed = Passkey removed
audit-sign-in-passkey = Signed in with a passkey
audit-sign-in-passkey-failed = Sign-in with a passkey refused
audit-reauth-passkey = Identity confirmed with a passkey
audit-reauth-passkey-failed = Passkey not accepted to confirm identity
account-method-passkey = Passkey (no password or code)
security-remove-app = Stop using the authenticator app (sign in with a passkey)
sign-in-code-passkey = Your account signs in with a passkey: go back and use "Sign in with a passkey". Lost it? Enter one of your recovery codes.
sign-in-recovery-label = Recovery code
reauth-code-passkey = Confirm with your passkey. Lost it? Enter one of your recovery codes below.
person-reset-sign-in = Reset sign-in methods
person-reset-sign-in-confirm = For when this person lost their phone, their passkeys or their recovery codes. Their password, authenticator app, passkeys and recovery codes will stop working at once, and all their sessions will be closed. A link will be sent to { $email } and you will see a new secret code once, to hand over by phone or in person: with both, they will choose a new password and link an authenticator app.
error-reset-own-sign-in = You cannot reset your own sign-in methods. Change them from My account, or ask another administrator of your organisation.
audit-staff-sign-in-reset = Sign-in methods reset
mail-sign-in-reset-subject = Restore your access to the Patient Portal
mail-sign-in-reset-body =
    Hello { $name },

    An administrator of { $organisation } reset your sign-in methods for the Patient Portal. Your old password, authenticator app, passkeys and recovery codes no longer work, and your sessions were closed.
    To restore your access, open this link (valid for 5 days, usable once):

    { $link }

    You will also need the secret code (for example A-123456) that your administrator gives you by phone or in person. It is never sent by email.
    You will then choose a new password and link an authenticator app.
    If you asked for nothing, contact your organisation's administrator.
setup-title-renewal = Restore your access
setup-code-intro-renewal = Hello { $name }, your sign-in methods for { $organisation } were reset. First, enter the secret code your administrator gave you by phone or in person. It looks like A-000000 and is never sent by email.
setup-intro-renewal = Hello { $name }, choose a new password and link an authenticator app to restore your access to { $organisation }.
setup-submit-renewal = Restore my access
