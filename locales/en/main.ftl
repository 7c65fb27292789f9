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
help-q-cost = Do I have to pay a subscription?
help-a-cost = No. The portal is offered free of charge by your health organisation.
help-q-secure = Is my account secure?
help-a-secure = Yes. Your account is protected by two-step verification (multi-factor authentication): besides your email and password, a verification code is asked at every sign-in.
help-q-personal = Who can see my personal information?
help-a-personal = Your personal information (name, email, address) may be consulted by the support team when needed. Your clinical information is visible only to your professional and their department.
help-q-invitation = What is my invitation code for?
help-a-invitation = It is used to create your account. Your professional gives it to you in person, by phone or by text message, in the form A-000000. It is valid for 5 days; if it has expired, contact the professional who gave it to you.
help-q-error = An error message appears, what should I do?
help-a-error = Sign out and sign in again. If the message persists, contact the support team.

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
contact-hours = Monday to Friday, 7 a.m. to 6 p.m.

not-found-title = Page not found
not-found-body = The page you asked for does not exist or is no longer available.
not-found-home = Back to the home page

field-required = required
form-error-title = The form contains an error

sign-in-title = Sign in
sign-in-intro = Enter your email, your password and the code shown by your authenticator app.
sign-in-email-label = Email
sign-in-password-label = Password
sign-in-code-label = 6-digit verification code
sign-in-code-hint = The code shown by your authenticator app.
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
setup-expired-body = This activation link has expired (it is valid for 24 hours). Ask your organisation's administrator for a new link.
setup-used-body = This activation link has already been used. If your account is active, sign in.
setup-unknown-body = This activation link is not recognised. Check that it is complete, or ask your organisation's administrator for a new link.

staff-title = My workspace
staff-greeting = Hello, { $name }
staff-role-admin = Administration of { $organisation }
staff-role-professional = Professional at { $organisation }
staff-empty = Your workspace is ready. Your organisation's patients and staff will appear here.

error-unexpected = An unexpected error occurred. Try again in a moment; if it persists, contact the support team.
error-signed-out = Your session has ended. Please sign in again.
error-not-found = This page does not exist or you do not have access to it.
error-credentials = The email, password or verification code is incorrect.
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
    To activate it, open this link (valid for 24 hours, usable once):

    { $link }

    You will choose a password and link an authenticator app.
    If you were not expecting this email, ignore it.

    The Patient Portal team
