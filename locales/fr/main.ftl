portal-name = Portail usager
skip-to-content = Aller au contenu principal
loading = Chargement…
header-language-label = Langue
lang-switch = English
lang-switch-description = Afficher le portail en anglais
sign-out = Se déconnecter
footer-label = Liens utiles
footer-help = Aide
footer-accessibility = Accessibilité
footer-contact = Nous joindre

home-title = Bienvenue sur le portail usager
home-intro = Le portail vous permet d'échanger de façon sécurisée avec votre équipe soignante.
home-invited = Vous avez reçu une invitation par courriel? Suivez le lien qu'elle contient et gardez à portée de main le code d'invitation que votre professionnel vous a transmis.
home-sign-in = Se connecter
home-go-staff = Aller à mon espace

help-title = Aide
help-intro = Les réponses aux questions les plus fréquentes sur le portail usager.

accessibility-title = Accessibilité
accessibility-intro = Le portail est conçu pour être utilisable par tous, au clavier seulement, avec un lecteur d'écran, sur un téléphone ou un ordinateur, et avec un zoom jusqu'à 200 %.
accessibility-browsers-title = Appareils et navigateurs compatibles
accessibility-browsers = Utilisez la version la plus récente de Chrome, Edge, Firefox ou Safari, sur ordinateur (Windows, macOS, Linux), tablette ou téléphone (iOS, Android).
accessibility-feedback = Un obstacle vous empêche d'utiliser le portail? Dites-le-nous en communiquant avec l'équipe de soutien.

contact-title = Nous joindre
contact-intro = L'équipe de soutien répond à vos questions sur l'utilisation du portail. Pour toute question sur vos soins, communiquez avec votre équipe soignante.
contact-phone-label = Téléphone
contact-phone = 1 833 564-0404 (sans frais au Québec)
contact-email-label = Courriel
contact-hours-label = Heures d'ouverture
contact-hours = Du lundi au vendredi, de 7 h à 18 h

not-found-title = Page introuvable
not-found-body = La page demandée n'existe pas ou n'est plus disponible.
not-found-home = Retour à l'accueil

field-required = obligatoire
form-error-title = Le formulaire contient une erreur
form-sending = Envoi en cours…

sign-in-title = Connexion
sign-in-intro = Entrez votre courriel et votre mot de passe. Un code de vérification vous sera ensuite demandé.
sign-in-email-label = Courriel
sign-in-password-label = Mot de passe
sign-in-code-label = Code de vérification à 6 chiffres
sign-in-submit = Se connecter

setup-title = Activer votre compte
setup-intro = Bonjour { $name }, vous avez été ajouté à { $organisation }. Choisissez un mot de passe et associez une application d'authentification pour activer votre compte.
setup-email-label = Courriel (votre identifiant)
setup-password-label = Mot de passe
setup-password-rules = De 12 à 128 caractères. Une phrase facile à retenir est idéale. N'utilisez ni votre nom ni votre courriel, ni un mot de passe courant.
setup-password-confirm-label = Confirmez le mot de passe
setup-totp-title = Application d'authentification
setup-totp-instructions = Dans votre application d'authentification (par exemple Microsoft Authenticator, Google Authenticator ou FreeOTP), ajoutez un compte en balayant ce code QR ou en saisissant la clé ci-dessous.
setup-totp-qr-alt = Code QR à balayer avec votre application d'authentification
setup-totp-secret-label = Clé à saisir dans l'application
setup-totp-code-label = Code à 6 chiffres affiché par l'application
setup-submit = Activer mon compte
setup-unusable-title = Ce lien n'est plus valide
setup-expired-body = Ce lien d'activation a expiré ou a été remplacé par un plus récent. Demandez un nouveau lien à l'administrateur de votre organisation.
setup-used-body = Ce lien d'activation a déjà été utilisé. Si votre compte est activé, connectez-vous.
setup-unknown-body = Ce lien d'activation n'est pas reconnu. Vérifiez qu'il est complet, ou demandez un nouveau lien à l'administrateur de votre organisation.

staff-title = Mon espace
staff-greeting = Bonjour, { $name }
staff-role-admin = Administration de { $organisation }
staff-role-professional = Professionnel à { $organisation }
staff-empty = Votre espace est prêt. Les patients et le personnel de votre organisation apparaîtront ici.

error-unexpected = Une erreur inattendue est survenue. Réessayez dans un instant; si elle persiste, communiquez avec l'équipe de soutien.
error-unavailable = Le service est momentanément surchargé ou indisponible. Réessayez dans quelques instants.
error-fault-title = Un problème est survenu
error-reference = Référence à donner à l'équipe de soutien : { $reference }
error-fault-home = Retour à l'accueil
error-too-large-title = Envoi trop volumineux
error-request-slow = La demande a mis trop de temps à arriver. Réessayez, si possible avec une meilleure connexion.
error-request-too-large = Ce qui a été envoyé est trop volumineux (64 Kio au plus). Raccourcissez le texte saisi et réessayez.
unavailable-title = Service momentanément indisponible
error-request-invalid = Le formulaire envoyé est incomplet. Vérifiez les champs et réessayez.
error-signed-out = Votre session a pris fin. Connectez-vous de nouveau.
error-not-found = Cette page n'existe pas ou vous n'y avez pas accès.
error-credentials = Le courriel ou le mot de passe est incorrect.
error-account-locked = Votre compte est verrouillé jusqu'au { $until } (heure locale) après trop de tentatives. Pour le déverrouiller dès maintenant, choisissez « Mot de passe oublié? ».
error-email-invalid = Entrez une adresse courriel complète, par exemple nom@exemple.com.
error-email-taken = Un compte existe déjà avec ce courriel.
error-organisation-required = Entrez le nom de l'organisation.
error-password-too-short = Le mot de passe doit contenir au moins 12 caractères.
error-password-too-long = Le mot de passe doit contenir au plus 128 caractères.
error-password-common = Ce mot de passe est trop courant. Choisissez-en un autre, par exemple une phrase de quelques mots.
error-password-personal = Le mot de passe ne doit contenir ni votre nom ni votre courriel.
error-password-mismatch = Les deux mots de passe ne sont pas identiques.
error-totp-wrong = Le code à 6 chiffres est incorrect ou expiré. Entrez le code affiché actuellement par l'application.
error-setup-link-unusable = Ce lien d'activation n'est plus valide.

mail-setup-subject = Activez votre compte du portail usager
mail-setup-body =
    Bonjour { $name },

    Un compte a été créé pour vous sur le portail usager de { $organisation }.
    Pour l'activer, ouvrez ce lien (valide 5 jours, utilisable une seule fois) :

    { $link }

    Il vous faudra aussi le code secret (par exemple A-123456) que la personne qui a installé le portail a reçu en créant votre compte. Il n'est jamais envoyé par courriel.
    Vous choisirez un mot de passe et associerez une application d'authentification.
    Si vous n'attendiez pas ce courriel, ignorez-le.

    L'équipe du portail usager

error-code-format = Entrez le code au format A-000000 : une lettre suivie de 6 chiffres.
error-code-wrong = Ce code est incorrect. Il vous reste { $remaining } essai(s).
error-invitation-unusable = Cette invitation n'est plus valide. Communiquez avec le professionnel qui vous a invité.
error-account-exists = Un compte existe déjà avec ce courriel. Connectez-vous, puis ouvrez de nouveau le lien d'invitation.
error-given-name-required = Entrez le prénom.
error-family-name-required = Entrez le nom de famille.
error-birth-date-invalid = Entrez une date de naissance valide, au format AAAA-MM-JJ.
error-mobile-invalid = Entrez un numéro de cellulaire valide, par exemple 514 555-0199, ou laissez le champ vide.
error-patient-exists = Ce courriel correspond déjà à un patient de votre organisation. Utilisez « Renvoyer une invitation » dans la liste des patients.
error-forbidden = Vous n'avez pas accès à cette fonction.

mail-invitation-subject = Invitation au portail usager
mail-invitation-body =
    Bonjour { $name },

    { $organisation } vous invite à créer votre compte sur le portail usager.
    Ouvrez ce lien (valide 5 jours) :

    { $link }

    Vous aurez besoin du code d'invitation (format A-000000) que votre professionnel vous a transmis en personne, par téléphone ou par message texte. Pour votre sécurité, ce code n'est jamais envoyé par courriel.
    Si le lien a expiré, communiquez avec votre professionnel pour en recevoir un nouveau.

patient-home-title = Accueil
patient-greeting = Bonjour, { $name }
patient-home-intro = Votre compte est prêt. Les messages et questionnaires de votre équipe soignante apparaîtront ici.

invitation-title = Créer votre compte
invitation-intro = Bonjour { $name }, { $organisation } vous invite à créer votre compte du portail usager.
invitation-code-explained = Entrez le code d'invitation que votre professionnel vous a transmis en personne, par téléphone ou par message texte. Il a la forme A-000000 et n'est jamais envoyé par courriel.
invitation-code-label = Code d'invitation
invitation-code-hint = Format : une lettre et 6 chiffres, par exemple A-123456.
invitation-code-submit = Continuer
invitation-expired-title = Cette invitation a expiré
invitation-expired-body = Une invitation est valide 5 jours. Communiquez avec le professionnel qui vous a invité pour en recevoir une nouvelle.
invitation-void-title = Cette invitation n'est plus valide
invitation-void-body = Le code a été saisi incorrectement 5 fois. Pour votre sécurité, l'invitation a été annulée. Communiquez avec votre professionnel pour en recevoir une nouvelle.
invitation-used-title = Cette invitation a déjà été utilisée
invitation-used-body = Votre compte est déjà créé. Connectez-vous avec votre courriel et votre mot de passe.
invitation-unknown-title = Ce lien n'est pas valide
invitation-unknown-body = Ce lien d'invitation n'est pas reconnu ou a été remplacé par une invitation plus récente. Utilisez le lien du dernier courriel reçu, ou communiquez avec votre professionnel.
invitation-account-title = Choisir votre mot de passe
invitation-account-intro = Merci { $name }, votre code est valide. Choisissez maintenant votre mot de passe.
invitation-account-submit = Créer mon compte
password-live-short = { $count } caractère(s) sur un minimum de 12.
password-live-long-enough = Longueur suffisante.

patients-title = Patients
patients-invite = Inviter un patient
patients-search-label = Rechercher un patient (nom, courriel ou date de naissance, par exemple 29/02/1988)
patients-count = { $total ->
    [one] Un patient
   *[other] { $total } patients
}
patients-count-more = Plus de 1 000 patients correspondent : précisez la recherche (nom, courriel ou date de naissance).
patients-pages = Pages de la liste des patients
pager-previous = Précédente
pager-next = Suivante
patients-search-submit = Rechercher
patients-none = Aucun patient ne correspond.
patients-reissue = Renvoyer une invitation
status-pending = Invitation en attente, valide jusqu'au { $date }
status-expired = Invitation expirée
status-void = Invitation annulée après 5 codes erronés
status-redeemed = Compte créé
status-none = Aucune invitation valide

invite-title = Inviter un patient
invite-intro = Le patient recevra un lien par courriel. Vous verrez ensuite le code d'invitation à lui transmettre vous-même.
invite-given-name = Prénom
invite-family-name = Nom de famille
invite-birth-date = Date de naissance
invite-birth-date-hint = Jour, mois, année : par exemple 29/02/1988.
invite-email = Courriel
invite-language = Langue de communication préférée
invite-mobile = Numéro de cellulaire (facultatif)
invite-mobile-hint = Pour vous aider à lui transmettre le code par message texte.
invite-submit = Envoyer l'invitation

issued-title = Code d'invitation
issued-intro = L'invitation a été envoyée par courriel à { $name }. Transmettez-lui ce code :
issued-expires = Valide jusqu'au { $date } (5 jours).
issued-instructions = Transmettez le code par téléphone, par message texte ou en personne, jamais par courriel. Il ne sera plus affiché : notez-le maintenant si nécessaire.
issued-back = Retour à la liste des patients
issued-gone = Ce code a déjà été affiché. Pour des raisons de sécurité, il ne l'est qu'une fois. Utilisez « Renvoyer une invitation » pour en créer un nouveau.

mail-code-subject = Votre code de vérification : { $code }
mail-code-body =
    Bonjour { $name },

    Voici votre code de vérification pour vous connecter au portail usager :

    { $code }

    Il est valide 10 minutes et ne peut servir qu'une fois. Ne le communiquez à personne : notre équipe ne vous le demandera jamais.
    Si vous n'avez pas essayé de vous connecter, changez votre mot de passe.
mail-locked-subject = Votre compte du portail usager est verrouillé
mail-locked-body =
    Bonjour { $name },

    À la suite de 10 tentatives de connexion infructueuses, votre compte est verrouillé jusqu'à minuit (heure locale).
    Vos sessions ouvertes le restent, et un navigateur avec lequel vous vous êtes déjà connecté·e peut toujours se connecter. Pour le déverrouiller dès maintenant, utilisez « Mot de passe oublié? » sur la page de connexion.
    Si ce n'était pas vous, quelqu'un connaît peut-être votre courriel : changez votre mot de passe. Vous pouvez aussi communiquer avec l'équipe de soutien au 1 833 564-0404.

sign-in-next = Continuer
sign-in-code-title = Code de vérification
sign-in-code-email = Nous venons de vous envoyer un code à 6 chiffres par courriel. Il est valide 10 minutes.
sign-in-code-totp = Entrez le code à 6 chiffres affiché par votre application d'authentification.
sign-in-code-resend = Envoyer un nouveau code
sign-in-code-resent = Un nouveau code vous a été envoyé par courriel.
sign-in-code-verify = Se connecter
error-code-too-soon = Patientez { $seconds } secondes avant de demander un nouveau code.
error-too-many-attempts = Trop de tentatives. Pour protéger les comptes, réessayez dans { $minutes } min.
error-start-again = Ce code n'est plus valide. Recommencez la connexion.
error-verification-wrong = Ce code est incorrect. Il vous reste { $remaining } essai(s).

account-title = Paramètres du compte
account-details = Mes renseignements
account-name = Nom
account-email = Courriel (identifiant)
account-language = Langue de communication
account-record-note = Votre nom et votre date de naissance proviennent de votre dossier. Pour les corriger, adressez-vous à votre équipe soignante.
account-sessions = Sessions actives
account-this-device = cet appareil
account-ip = Adresse IP
account-last-seen = dernière activité

invitation-existing-title = Vous avez déjà un compte
invitation-existing-body = Un compte du portail usager existe déjà avec ce courriel. Connectez-vous, puis ouvrez de nouveau le lien d'invitation reçu par courriel et entrez le code : l'organisation sera ajoutée à votre compte.
invitation-add-title = Ajouter cette organisation à votre compte
invitation-add-body = { $organisation } vous invite. Vous utiliserez votre compte actuel, avec le même courriel et le même mot de passe.
invitation-add-submit = Ajouter à mon compte
error-invitation-other-account = Cette invitation est destinée à une autre adresse courriel que celle de votre compte.

team-title = Équipe
team-role-admin = Administration
team-role-professional = Professionnel
team-role-support = Centre de soutien
team-service-label = Service
team-service-all = Tous les services
team-add-title = Ajouter une personne au personnel
team-add-intro = La personne recevra par courriel un lien à usage unique, valide 5 jours. Vous verrez ensuite un code secret, une seule fois, à lui remettre par téléphone ou en personne : avec le lien et le code, elle choisit son mot de passe et associe une application d'authentification.
team-title-label = Titre (facultatif)
team-title-hint = Par exemple Dre, inf., T.S.
team-add-submit = Ajouter et envoyer le lien
team-added = Le professionnel a été ajouté et le lien d'activation lui a été envoyé.

forgot-link = Mot de passe oublié?
forgot-title = Mot de passe oublié
forgot-intro = Entrez le courriel de votre compte. S'il correspond à un compte, vous recevrez un lien valide 30 minutes pour choisir un nouveau mot de passe.
forgot-submit = Recevoir le lien
forgot-sent = Si ce courriel correspond à un compte, un lien vient d'y être envoyé. Vérifiez aussi vos courriels indésirables.
reset-title = Choisir un nouveau mot de passe
reset-intro = Après ce changement, toutes vos sessions prendront fin et un code de vérification vous sera demandé à la connexion.
reset-submit = Enregistrer le mot de passe
reset-unusable-title = Ce lien n'est plus valide
reset-unusable-body = Un lien de réinitialisation est valide 30 minutes et ne sert qu'une fois. Demandez-en un nouveau.
reset-done = Votre mot de passe a été changé. Connectez-vous avec le nouveau.
error-reset-link-unusable = Ce lien de réinitialisation n'est plus valide. Demandez-en un nouveau.
mail-reset-subject = Réinitialisation de votre mot de passe
mail-reset-body =
    Bonjour { $name },

    Vous avez demandé à changer le mot de passe de votre compte du portail usager. Ouvrez ce lien (valide 30 minutes, utilisable une seule fois) :

    { $link }

    Si vous n'avez rien demandé, ignorez ce courriel : votre mot de passe reste le même.

authenticator-title = Application d'authentification
authenticator-link = Utiliser une application d'authentification plutôt qu'un code par courriel
authenticator-intro = Au lieu de recevoir un code par courriel à chaque connexion, vous pouvez utiliser une application d'authentification sur votre téléphone.
authenticator-start = Configurer une application
authenticator-password = Votre mot de passe actuel
authenticator-confirm = Activer l'application
authenticator-in-use = Votre application d'authentification est active : le code vous sera demandé à chaque connexion.
error-totp-not-started = Commencez par configurer l'application.
error-password-wrong = Le mot de passe est incorrect.

## Account self-service
edit = Modifier
save = Enregistrer
cancel = Annuler
change = Changer
manage = Gérer
back-to-account = Retour aux paramètres du compte
account-my-data = Mes données
account-export = Télécharger mes données (JSON)
account-saved = Modification enregistrée.
account-saved-email = Nous avons envoyé un lien de confirmation à la nouvelle adresse. Votre courriel changera quand vous l'ouvrirez (valide 30 minutes).
account-saved-password = Votre mot de passe est changé. Vos autres sessions sont fermées.
account-saved-sessions = Session fermée.
account-saved-method = Vous recevrez désormais un code par courriel à chaque connexion.
account-not-set = Non renseigné
account-birth-date = Date de naissance
account-preferred-name = Nom préféré
account-preferred-name-hint = Le prénom ou le nom par lequel vous souhaitez qu'on s'adresse à vous (facultatif).
account-phones = Téléphones
account-mobile = Téléphone cellulaire
account-home-phone = Téléphone à domicile
account-phone-hint = Numéro à 10 chiffres, par exemple 514-555-0123.
account-address = Adresse postale
account-street = Numéro et rue (et appartement)
account-city = Ville
account-province = Province ou territoire
account-postal-code = Code postal
account-postal-code-hint = Par exemple H2X 1Y4.
account-address-hint = Laissez tous les champs vides pour retirer votre adresse.
account-language-hint = Vos courriels et vos notifications seront écrits dans cette langue.
account-interface-language = Langue de l'interface
account-security = Connexion et sécurité
account-email-pending = En attente de confirmation : { $email }
account-password = Mot de passe
account-method = Vérification à chaque connexion
account-method-email = Code envoyé par courriel
account-method-totp = Application d'authentification
account-recovery-left = { $count ->
    [0] Aucun code de récupération disponible.
    [one] 1 code de récupération disponible.
   *[other] { $count } codes de récupération disponibles.
}
account-end-session = Fermer cette session
account-end-others = Fermer toutes les autres sessions
province-ab = Alberta
province-bc = Colombie-Britannique
province-mb = Manitoba
province-nb = Nouveau-Brunswick
province-nl = Terre-Neuve-et-Labrador
province-ns = Nouvelle-Écosse
province-nt = Territoires du Nord-Ouest
province-nu = Nunavut
province-on = Ontario
province-pe = Île-du-Prince-Édouard
province-qc = Québec
province-sk = Saskatchewan
province-yt = Yukon
reauth-title = Confirmez votre identité
reauth-intro = Pour protéger votre compte, entrez votre mot de passe puis un code de vérification. Vous pourrez ensuite faire vos changements pendant 5 minutes.
reauth-needed = Pour faire ce changement, vous devez d'abord confirmer votre identité (mot de passe et code de vérification).
reauth-start = Confirmer mon identité
sign-in-code-recovery-hint = Vous n'avez plus accès à votre téléphone? Entrez plutôt un de vos codes de récupération.
email-change-title = Changer mon courriel
email-change-intro = Votre courriel est aussi votre identifiant de connexion. Nous enverrons un lien de confirmation à la nouvelle adresse; rien ne change avant que vous l'ouvriez. Un avis sera aussi envoyé à votre adresse actuelle.
email-change-new = Nouvelle adresse courriel
email-change-submit = Envoyer le lien de confirmation
password-change-title = Changer mon mot de passe
password-change-intro = Vos autres sessions seront fermées et vous recevrez un avis par courriel.
password-change-submit = Changer le mot de passe
security-title = Méthodes de vérification
security-use-email = Recevoir plutôt les codes par courriel
security-recovery-title = Codes de récupération
security-recovery-intro = Si vous perdez votre téléphone, un code de récupération remplace le code de vérification, une seule fois chacun. En générer de nouveaux annule les anciens.
security-recovery-generate = Générer 10 nouveaux codes
recovery-codes-shown-once = Voici vos 10 codes de récupération. Ils ne seront plus jamais affichés : notez-les ou téléchargez-les, et gardez-les en lieu sûr.
recovery-codes-download = Télécharger les codes (fichier texte)
recovery-codes-gone = Ces codes ont déjà été affichés. Pour en obtenir d'autres, générez-en de nouveaux.
email-confirm-title = Confirmer ma nouvelle adresse courriel
email-confirm-intro = Votre adresse de connexion deviendra { $email }.
email-confirm-submit = Confirmer cette adresse
email-changed-title = Adresse courriel changée
email-changed-body = Votre nouvelle adresse est confirmée. Utilisez-la désormais pour vous connecter.
email-report-title = Ce n'était pas moi
email-report-intro = Si vous n'avez pas demandé à changer l'adresse courriel de votre compte, arrêtez ce changement : toutes les sessions de votre compte seront fermées. Changez ensuite votre mot de passe.
email-report-submit = Arrêter le changement
email-reported-title = Changement arrêté
email-reported-body = Le changement d'adresse est annulé (s'il avait eu lieu, votre adresse précédente redevient votre nom d'utilisateur), toutes les sessions de votre compte sont fermées et nous vous avons envoyé une confirmation. Choisissez un nouveau mot de passe, puis communiquez avec le soutien si vous avez des doutes.
access-log-title = Mon journal d'accès
access-log-intro = Tout ce qui a été fait dans votre dossier et votre compte : par vous, un proche aidant, un professionnel ou le soutien. Les plus récents d'abord.
access-log-you = Vous
access-log-pages = Pages du journal
access-log-newer = Plus récents
access-log-older = Plus anciens
pager-page = Page { $page } de { $pages }
role-admin = administration
role-professional = professionnel
role-support = soutien
error-city-invalid = Indiquez la ville.
error-street-invalid = Indiquez le numéro et la rue.
error-province-invalid = Choisissez une province ou un territoire.
error-postal-code-invalid = Le code postal doit avoir la forme A1A 1A1, par exemple H2X 1Y4.
error-home-phone-invalid = Le numéro doit avoir 10 chiffres, par exemple 514-555-0123.
error-preferred-name-invalid = Le nom préféré doit avoir au plus 60 caractères.
error-language-invalid = Choisissez le français ou l'anglais.
error-email-same = C'est déjà votre adresse courriel.
error-email-change-unusable = Ce lien n'est plus valide : il a expiré, a déjà été utilisé ou a été remplacé. Recommencez le changement depuis les paramètres de votre compte.
error-reauth-required = Pour faire ce changement, confirmez d'abord votre identité (mot de passe et code). La confirmation est valide 5 minutes.
error-totp-required-for-staff = Le personnel doit garder une application d'authentification ou une clé d'accès : ajoutez d'abord une clé d'accès.
mail-email-confirm-subject = Confirmez votre nouvelle adresse courriel
mail-email-confirm-body =
    Bonjour { $name },

    Pour que cette adresse devienne votre identifiant du portail usager, ouvrez ce lien (valide 30 minutes) :

    { $link }

    Si vous n'avez rien demandé, ignorez ce courriel : rien ne changera.
mail-email-notice-subject = Demande de changement de votre adresse courriel
mail-email-notice-body =
    Bonjour { $name },

    Quelqu'un a demandé de remplacer l'adresse courriel de votre compte du portail usager par { $email }. Le changement n'aura lieu que si le lien envoyé à cette adresse est ouvert.

    Si ce n'était pas vous, arrêtez le changement ici (toutes vos sessions seront fermées), puis changez votre mot de passe. Ce lien fonctionne 30 jours, même après le changement : il remet alors cette adresse.

    { $link }

    Soutien : 1 833 564-0404.
mail-email-taken-subject = Quelqu'un a tenté d'utiliser votre adresse courriel
mail-email-taken-body =
    Bonjour { $name },

    Quelqu'un a demandé que cette adresse devienne le nom d'utilisateur d'un autre compte du portail usager. Elle est déjà le nom d'utilisateur de votre compte : rien n'a été changé et aucun autre compte ne peut l'utiliser.

    Si c'était vous et que vous vouliez réunir deux comptes, communiquez avec le soutien au 1 833 564-0404. Sinon, vous n'avez rien à faire.
mail-email-reported-subject = Le changement de votre adresse courriel a été arrêté
mail-email-reported-body =
    Bonjour { $name },

    Vous nous avez signalé ne pas avoir demandé de changer votre adresse courriel. Le changement est annulé : votre nom d'utilisateur du portail usager est { $email }. Toutes les sessions de votre compte ont été fermées.

    Quelqu'un connaît peut-être votre mot de passe : choisissez-en un nouveau dès maintenant avec « Mot de passe oublié? » sur la page de connexion.

    Soutien : 1 833 564-0404.
mail-password-changed-subject = Votre mot de passe a été changé
mail-password-changed-body =
    Bonjour { $name },

    Le mot de passe de votre compte du portail usager vient d'être changé, et vos autres sessions ont été fermées.

    Si ce n'était pas vous, utilisez « Mot de passe oublié » sur la page de connexion et communiquez avec le soutien au 1 833 564-0404.
mail-method-added-subject = Une nouvelle méthode de vérification a été ajoutée
mail-method-added-body =
    Bonjour { $name },

    Une application d'authentification vient d'être activée pour vous connecter au portail usager. Elle remplace les codes envoyés par courriel.

    Si ce n'était pas vous, utilisez « Mot de passe oublié » sur la page de connexion et communiquez avec le soutien au 1 833 564-0404.
audit-account-created = Compte créé
audit-account-locked = Compte verrouillé après 10 tentatives
audit-known-browser-locked = Un navigateur déjà utilisé bloqué jusqu'à minuit après 10 tentatives
audit-account-setup-completed = Compte activé
audit-bootstrap = Premier administrateur créé
audit-data-exported = Données exportées
audit-patient-viewed = Dossier consulté par l'équipe de soins
audit-patient-viewed-by-caregiver = Pages de l'usager consultées par un proche aidant
audit-profile-viewed = Profil consulté par un proche aidant
audit-email-change-confirmed = Nouvelle adresse courriel confirmée
audit-email-change-reported = Changement de courriel signalé (« ce n'était pas moi »)
audit-email-change-requested = Changement de courriel demandé
audit-invitation-created = Invitation envoyée
audit-invitation-redeemed = Invitation utilisée
audit-invitation-reissued = Nouvelle invitation envoyée
audit-patient-email-corrected = Adresse courriel corrigée avant l'invitation
audit-invitation-code-failed = Code d'invitation erroné
audit-invitation-voided = Invitation annulée après 5 codes erronés
audit-password-changed = Mot de passe changé
audit-password-reset-completed = Mot de passe réinitialisé
audit-password-reset-requested = Réinitialisation du mot de passe demandée
audit-reauth-failed = Confirmation d'identité refusée
audit-reauth-succeeded = Identité confirmée
audit-recovery-code-used = Code de récupération utilisé
audit-recovery-codes-generated = Nouveaux codes de récupération générés
audit-session-ended = Session fermée
audit-sign-in-failed = Connexion refusée
audit-sign-in-refused-locked = Connexion refusée : compte verrouillé
audit-sign-in-succeeded = Connexion
audit-sign-out = Déconnexion
audit-staff-added = Membre du personnel ajouté
audit-totp-enrolled = Application d'authentification activée
audit-totp-password-failed = Mot de passe incorrect en activant une application d'authentification
audit-totp-removed = Application d'authentification retirée
audit-verification-code-failed = Code de vérification erroné
audit-verification-code-sent = Code de vérification envoyé
audit-profile-preferred-name-changed = Nom préféré modifié
audit-profile-phones-changed = Téléphones modifiés
audit-profile-address-changed = Adresse postale modifiée
audit-profile-language-changed = Langue de communication modifiée
audit-profile-interface-language-changed = Langue de l'interface modifiée

## Help centre
help-section-general = Générale
help-section-general-intro = L'essentiel sur le portail usager.
help-q-cost = Est-ce que je dois payer un abonnement?
help-a-cost = Non. Le portail est offert gratuitement par votre établissement de santé.
help-q-professionals = Qui sont les professionnels avec qui j'échange?
help-a-professionals = Tous les professionnels que vous joignez par le portail sont membres du réseau de la santé et des services sociaux du Québec.
help-q-secure = Est-ce que mon compte est sécurisé?
help-a-secure = Oui. Votre compte est protégé par une double vérification (authentification multifacteur) : en plus de votre courriel et de votre mot de passe, un code de vérification est demandé à chaque connexion.
help-q-mfa = Qu'est-ce que l'authentification multifacteur?
help-a-mfa = C'est une vérification supplémentaire de votre identité, en plus du courriel et du mot de passe : un code à 6 chiffres reçu par courriel ou affiché par une application d'authentification. Elle protège la confidentialité de vos renseignements.
help-q-personal = Qui a accès à mes renseignements personnels?
help-a-personal = Vos renseignements personnels (nom, courriel, téléphone, adresse) peuvent être consultés au besoin par l'équipe de soutien pour vous aider. Votre journal d'accès, dans les paramètres du compte, montre qui a fait quoi dans votre dossier.
help-q-clinical = Qui a accès à mes données cliniques?
help-a-clinical = Vos renseignements cliniques (messages, questionnaires) ne sont visibles que par votre professionnel et son service, et par les proches aidants à qui vous avez donné cet accès. L'équipe de soutien ne les voit jamais.
help-q-verification-code = À quoi sert mon code de vérification?
help-a-verification-code = Il est demandé à chaque connexion, après votre mot de passe, pour s'assurer que c'est bien vous. Par courriel, il est valide 10 minutes et ne sert qu'une fois.
help-section-creation = Création de compte
help-section-creation-intro = Tout ce qu'il faut pour créer votre compte.
help-q-create = Comment créer mon compte?
help-a-create = Votre professionnel vous envoie une invitation par courriel et vous remet un code d'invitation. Ouvrez le lien du courriel, entrez le code, puis choisissez votre mot de passe.
help-q-link = Où trouver mon lien d'invitation?
help-a-link = Dans le courriel d'invitation envoyé à l'adresse que vous avez donnée à votre professionnel. Vérifiez aussi vos courriels indésirables.
help-q-invitation = Où trouver mon code d'invitation?
help-a-invitation = Votre professionnel vous le transmet en personne, par téléphone ou par message texte, jamais par courriel. Il a la forme A-000000 et est valide 5 jours.
help-q-renew = Mon code d'invitation est expiré, que faire?
help-a-renew = Communiquez avec le professionnel qui vous l'a remis : il peut vous envoyer une nouvelle invitation avec un nouveau code. Après 5 codes erronés, l'invitation est annulée pour votre sécurité.
help-section-account = Gestion de compte
help-section-account-intro = Modifier vos renseignements, votre langue et votre sécurité.
help-q-interface-language = Comment changer la langue des pages?
help-a-interface-language = Le portail est offert en français et en anglais. Cliquez sur le bouton English ou Français dans l'entête de chaque page, ou choisissez la langue de l'interface dans les paramètres du compte.
help-q-notification-language = Comment changer la langue de mes notifications?
help-a-notification-language = Vos courriels et notifications suivent votre langue de communication. Pour la changer : cliquez sur votre nom dans l'entête, puis sur le bouton Modifier de « Langue de communication ».
help-q-update = Comment mettre à jour mes renseignements?
help-a-update = Connectez-vous, cliquez sur votre nom dans l'entête pour ouvrir les paramètres du compte. Les renseignements modifiables ont un bouton Modifier avec une icône de crayon. Votre nom et votre date de naissance viennent de votre dossier : demandez à votre équipe soignante de les corriger.
help-q-change-email = Comment changer mon courriel ou mon mot de passe?
help-a-change-email = Dans les paramètres du compte, choisissez Changer à côté de votre courriel ou de votre mot de passe. Pour votre sécurité, on vous demandera d'abord votre mot de passe et un code de vérification. Un nouveau courriel doit être confirmé par un lien envoyé à cette adresse.
help-q-lost-phone = J'ai perdu mon téléphone avec mon application d'authentification.
help-a-lost-phone = À la connexion, entrez un de vos codes de récupération au lieu du code de l'application. Chaque code ne sert qu'une fois. Sans code de récupération, communiquez avec l'équipe de soutien.
help-q-sessions = Comment fermer ma session sur un autre appareil?
help-a-sessions = Dans les paramètres du compte, la liste des sessions actives montre chaque appareil et sa dernière activité. Vous pouvez fermer une session ou toutes les autres.
help-q-export = Comment obtenir une copie de mes données?
help-a-export = Dans les paramètres du compte, choisissez « Télécharger mes données » : vous obtenez un fichier de tout ce que le portail conserve sur vous.
help-section-support = Soutien et assistance
help-section-support-intro = Pour obtenir de l'aide.
help-q-error = Un message d'erreur s'affiche, que dois-je faire?
help-a-error = Déconnectez-vous puis reconnectez-vous, ou actualisez la page. Si le message persiste, communiquez avec l'équipe de soutien.
help-q-browsers = Quels appareils et navigateurs sont compatibles?
help-a-browsers = La page Accessibilité, accessible au bas de chaque page, indique les appareils et navigateurs compatibles.
help-q-contact = Comment joindre l'équipe de soutien?
help-a-contact = Par téléphone au 1 833 564-0404 (sans frais au Québec) ou par courriel, du lundi au vendredi de 7 h à 18 h.
help-section-professional = Communiquer avec le professionnel
help-section-professional-intro = Vos échanges avec votre équipe soignante.
help-q-reply = Pourquoi ne puis-je pas répondre à un message?
help-a-reply = Le professionnel peut désactiver les réponses à un message. Dans ce cas, communiquez avec votre équipe soignante par les moyens habituels.
help-q-messages = Qui peut voir mes messages?
help-a-messages = Les professionnels qui participent à vos soins dans le service, et les proches aidants à qui vous avez donné accès à vos messages.
help-q-caregiver = Un proche aidant peut-il avoir accès à mes messages?
help-a-caregiver = Oui. La personne que vous choisissez pour vous aider (y compris les parents d'enfants de moins de 14 ans, les tuteurs et les représentants légaux) peut consulter vos messages ou questionnaires avec son propre courriel et ses propres identifiants. Tout ce qu'elle fait est noté à son nom.
help-q-read = Comment savoir si le professionnel a lu mon message?
help-a-read = Cette information n'est pas disponible.
help-q-invite-caregiver = Comment inviter un proche aidant?
help-a-invite-caregiver = Informez votre équipe soignante. Le professionnel ajoute la personne à votre dossier avec son courriel; elle reçoit un lien et un code d'accès pour créer ses propres identifiants.
help-search-label = Rechercher dans l'aide
help-search-submit = Rechercher
help-results = { $count ->
    [0] Aucune réponse pour « { $query } ».
    [one] 1 réponse pour « { $query } ».
   *[other] { $count } réponses pour « { $query } ».
}
help-show-all = Voir toutes les questions
help-still-stuck = Vous ne trouvez pas votre réponse? Communiquez avec l'équipe de soutien.
reauth-verify = Confirmer

## Caregivers
audit-caregiver-invited = Proche aidant invité
audit-caregiver-confirmation-asked = Proche aidant membre du personnel : confirmation demandée
audit-caregiver-confirmed = Proche aidant confirmé par un second membre du personnel
audit-caregiver-joined = Proche aidant : compte relié au dossier
audit-caregiver-changed = Accès d'un proche aidant modifié
audit-caregiver-ended = Accès d'un proche aidant retiré
audit-caregiver-ended-at-age = Accès parental terminé à l'âge de consentement
error-ends-on-invalid = La date de fin doit être aujourd'hui ou plus tard (AAAA-MM-JJ).
error-patient-no-account = Cette personne n'a pas encore de compte : son profil ne peut pas être consulté ici.
error-relationship-invalid = Choisissez le lien avec la personne.
error-relationship-not-minor = Un parent ou un tuteur ne peut être ajouté que pour un enfant qui n'a pas encore l'âge de consentement aux soins de l'organisation (14 ans au Québec).
error-scope-required = Cochez au moins un accès.
mail-caregiver-invitation-subject = Invitation à accompagner { $patient } sur le portail usager
mail-caregiver-invitation-body =
    Bonjour { $name },

    { $organisation } vous invite à accompagner { $patient } sur le portail usager, avec votre propre compte.

    Ouvrez ce lien, puis entrez le code d'accès que l'équipe soignante vous a remis (valide 5 jours) :

    { $link }

    Si vous ne vous attendiez pas à cette invitation, ignorez ce courriel.
mail-caregiver-added-subject = Une personne peut maintenant agir pour vous sur le portail usager
mail-caregiver-added-body =
    Bonjour { $name },

    { $organisation } a invité { $caregiver } ({ $relationship }) à vous accompagner sur le portail usager, avec accès à : { $scope }.

    Cette personne aura son propre compte; tout ce qu'elle fait pour vous est inscrit à son nom dans votre journal d'accès.

    Pour mettre fin à cet accès : connectez-vous, cliquez sur votre nom, puis « Personnes qui peuvent agir pour moi ». Vous pouvez aussi appeler votre équipe soignante.

    Si vous n'étiez pas au courant, communiquez avec votre équipe soignante.
error-caregiver-self = Vous ne pouvez pas vous ajouter vous-même comme proche aidant d'une personne.
error-caregiver-own-invitation = Cette invitation a été envoyée par vous : une autre personne de l'équipe doit l'envoyer pour que vous puissiez accompagner cette personne.
error-caregiver-confirm-own = Un autre membre du personnel doit confirmer : ni la personne qui a ajouté ce proche aidant ni la personne visée ne peuvent le faire.
error-caregiver-staff-unconfirmed = Vous êtes membre du personnel de cet établissement : un second membre du personnel doit confirmer cet accès avant que vous puissiez accompagner cette personne.
mail-age-teen-subject = Votre dossier sur le portail usager
mail-age-teen-body =
    Bonjour { $name },

    Vous avez maintenant 14 ans : l'accès de { $caregiver } à votre dossier sur le portail usager a pris fin. Vous seul décidez désormais qui peut vous accompagner; parlez-en à votre équipe soignante si vous souhaitez redonner un accès.
mail-age-parent-subject = Fin de votre accès au dossier sur le portail usager
mail-age-parent-body =
    Bonjour { $name },

    { $patient } a maintenant 14 ans, l'âge de consentement aux soins au Québec : votre accès parental à son dossier sur le portail usager a pris fin. { $patient } peut vous redonner un accès auprès de son équipe soignante.
access-log-acting-for = { $who } pour { $patient }
role-parent = parent
role-representative = représentant légal
role-helper = proche aidant
account-saved-caregiver = L'accès de cette personne à votre dossier a pris fin.
scope-messages = messages
scope-questionnaires = questionnaires
scope-profile = profil
relationship-parent = parent
relationship-representative = représentant légal
relationship-helper = proche aidant
relationship-parent-long = Parent ou tuteur d'un enfant de moins de 14 ans
relationship-representative-long = Représentant légal (mandat, tutelle ou curatelle)
relationship-helper-long = Proche aidant désigné par la personne
caregiver-until = jusqu'au
caregiver-scope = Accès accordés
caregiver-status-invited = invitation envoyée
caregiver-status-awaiting = en attente d'une seconde confirmation
caregiver-status-active = actif
caregiver-status-lapsed = terminé (date ou âge atteint)
caregiver-status-ended = retiré
patient-file-title = Dossier de l'usager
caregivers-title = Proches aidants et représentants
caregivers-none = Aucun proche aidant pour cette personne.
caregiver-add = Ajouter un proche aidant
caregiver-add-intro = La personne recevra un lien par courriel; remettez-lui ensuite le code d'accès. Elle utilisera son propre courriel et ses propres identifiants, et tout ce qu'elle fera sera noté à son nom.
caregiver-relationship = Lien avec la personne
caregiver-ends-on = Date de fin (facultative)
caregiver-ends-on-hint = Dernier jour d'accès. Un accès parental prend fin de lui-même à 14 ans.
caregiver-note = Note (facultative)
caregiver-edit = Modifier l'accès
caregiver-end = Retirer l'accès
caregiver-awaiting-hint = Cette adresse appartient à un membre du personnel de l'établissement. Un second membre du personnel doit confirmer l'accès avant l'envoi de l'invitation ; le patient en est alors informé.
caregiver-confirm = Confirmer et envoyer l'invitation
caregiver-saved-awaiting = Proche aidant ajouté. Son adresse appartient à un membre du personnel : un autre membre du personnel doit confirmer l'accès dans ce dossier avant l'envoi de l'invitation.
caregiver-end-confirm = { $name } ne pourra plus agir pour vous dès sa prochaine action. Voulez-vous retirer cet accès?
caregiver-end-submit = Oui, retirer l'accès
my-caregivers-title = Personnes qui peuvent agir pour moi
assisted-title = Personnes que j'accompagne
act-for = Agir pour { $name }
acting-switch = Dossier consulté
acting-for-banner = Vous agissez pour { $name } ({ $relationship })
my-file = Mon dossier
acting-title = Agir pour une personne
acting-scope = Vos accès :
acting-recorded = Tout ce que vous faites ici est noté à votre nom, pour cette personne.
acting-profile = Profil de la personne
access-ended-title = Accès terminé
access-ended-body = Votre accès au dossier de cette personne a pris fin ou n'existe pas.
settings-title = Paramètres de l'organisation
settings-age-of-consent = Âge de consentement aux soins
settings-age-of-consent-hint = L'accès d'un parent ou d'un tuteur au dossier d'un enfant prend fin à cet âge (14 ans au Québec). Entre 12 et 19.
error-age-of-consent-invalid = Entrez un âge entre 12 et 19.
audit-organisation-age-of-consent-changed = Âge de consentement de l'organisation modifié
settings-consent-title = Consentement aux soins
settings-support-title = Centre de soutien
settings-support-intro = La page « Nous joindre » montre ce numéro et ces heures aux patients, aux proches et au personnel de votre organisation. Laissez vide ce que vous ne publiez pas. Un changement y paraît dans la minute.
settings-support-phone = Téléphone du centre de soutien
settings-support-phone-hint = 10 chiffres, avec un poste au besoin, par exemple 514-555-0123 poste 200.
settings-support-hours = Heures d'ouverture
settings-support-hours-hint = Heure de l'organisation. Laissez les deux heures vides pour un jour où le centre est fermé.
settings-support-saved = Le centre de soutien est à jour.
settings-consent-save = Enregistrer l'âge de consentement
settings-support-save = Enregistrer le centre de soutien
hours-opens = Ouvre à
hours-closes = Ferme à
error-hours-time-invalid = Entrez une heure comme 7:00 ou 18 h 30.
error-hours-both = Entrez l'heure d'ouverture et l'heure de fermeture, ou aucune des deux si le centre est fermé ce jour-là.
error-hours-order = L'heure de fermeture doit venir après l'heure d'ouverture.
audit-organisation-support-contact-changed = Téléphone et heures du centre de soutien modifiés
contact-organisations-yours = Le centre de soutien de votre organisation
contact-organisations-intro = Pour une question sur votre compte dans une organisation (code d'invitation, déblocage, mot de passe), son centre de soutien peut vous aider.
contact-closed-days = Fermé les autres jours.

# Dates and times as people read them (ISO only in exports)
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-long = { $day } { $month } { $year }
date-time-long = { $date } à { $hour } h { $minute }
time-am = AM
time-pm = PM
weekday-monday = lundi
weekday-tuesday = mardi
weekday-wednesday = mercredi
weekday-thursday = jeudi
weekday-friday = vendredi
weekday-saturday = samedi
weekday-sunday = dimanche
time-short = { $hour } h { $minute }
time-on-the-hour = { $hour } h
hours-days = Du { $first } au { $last }, de { $opens } à { $closes }
hours-one-day = Le { $day }, de { $opens } à { $closes }

# A patient's file (care team)
file-contact = Identité et coordonnées
file-account = Compte
file-account-none = Pas encore de compte
file-account-active = Actif
file-account-locked = Verrouillé jusqu'au { $date }
file-invitations = Invitations
file-invitations-none = Aucune invitation envoyée.
file-invitation-sent = Envoyée le { $date } par { $name }
file-invitation-pending = En attente, valide jusqu'au { $date }
file-invitation-expired = Expirée le { $date }
file-invitation-void = Annulée après 5 codes erronés
file-invitation-replaced = Remplacée par une invitation plus récente
file-invitation-redeemed = Utilisée le { $date } : compte créé
file-invitation-undelivered = Le courriel n'a pas pu être livré : le serveur de messagerie du patient a refusé l'adresse. Vérifiez-la avec le patient, corrigez-la ci-dessous, puis renvoyez l'invitation.
file-reissue-email = Adresse courriel où envoyer l'invitation
file-reissue-email-hint = Corrigez-la si le patient vous en donne une autre ; elle remplace l'ancienne dans son dossier.
file-activity = Activité récente

# Staff workspace navigation
nav-label = Espace de travail
nav-menu = Menu
nav-home = Accueil
nav-settings = Paramètres

# Web app manifest (home screen)
manifest-short-name = Portail
manifest-description = Vos échanges avec votre équipe de soins, en ligne et en sécurité.
account-recovery-none = Vous n'avez pas encore de codes de récupération.
account-recovery-create = Créer des codes de récupération
account-phone-mobile = Cellulaire { $number }
account-phone-home = Domicile { $number }

# Staff lists (tables)
column-name = Nom
column-invitation = Invitation
column-role = Rôle
column-state = État

# An administrator and a staff member's account
error-account-suspended = Votre compte est suspendu. Communiquez avec l'administrateur de votre organisation.
error-last-administrator = C'est le dernier administrateur actif de l'organisation : nommez-en un autre avant.
error-not-active = Ce compte n'est pas actif.
error-not-suspended = Ce compte n'est pas suspendu.
error-not-locked = Ce compte n'est pas verrouillé.
audit-account-unlocked = Compte déverrouillé par l'administrateur
audit-account-suspended = Compte suspendu par l'administrateur
audit-account-reactivated = Compte réactivé par l'administrateur
audit-account-password-reset-sent = Réinitialisation du mot de passe envoyée par l'administrateur
audit-sign-in-refused-suspended = Connexion refusée : compte suspendu
mail-unlocked-subject = Votre compte du portail usager est déverrouillé
mail-unlocked-body =
    Bonjour { $name },

    L'administrateur de votre organisation a déverrouillé votre compte. Vous pouvez vous connecter de nouveau.
    Si vous n'avez rien demandé, changez votre mot de passe.
mail-suspended-subject = Votre compte du portail usager est suspendu
mail-suspended-body =
    Bonjour { $name },

    L'administrateur de votre organisation a suspendu votre compte : vous ne pouvez plus vous connecter et vos sessions ont été fermées.
    Pour en savoir plus, communiquez avec lui.
mail-reactivated-subject = Votre compte du portail usager est réactivé
mail-reactivated-body =
    Bonjour { $name },

    L'administrateur de votre organisation a réactivé votre compte. Vous pouvez vous connecter de nouveau.
person-title = Membre de l'équipe
person-email = Courriel (identifiant)
person-role = Rôle
person-state = État
person-last-sign-in = Dernière connexion
person-never-signed-in = Jamais connecté
person-state-invited = Invité : en attente d'activation
person-state-active = Actif
person-state-suspended = Suspendu
person-state-locked = Verrouillé jusqu'au { $date }
person-actions = Actions
person-reset = Envoyer une réinitialisation du mot de passe
person-reset-confirm = Un lien pour choisir un nouveau mot de passe sera envoyé à { $email }, et toutes ses sessions seront fermées. Vous ne verrez jamais son mot de passe.
person-unlock = Déverrouiller
person-unlock-confirm = Le compte sera déverrouillé tout de suite et la personne en sera avisée par courriel.
person-suspend = Suspendre
person-suspend-confirm = La personne ne pourra plus se connecter et ses sessions seront fermées tout de suite. Elle en sera avisée par courriel.
person-reactivate = Réactiver
person-reactivate-confirm = La personne pourra se connecter de nouveau et en sera avisée par courriel.
person-confirm = Confirmer
person-done-reset = La réinitialisation a été envoyée et ses sessions sont fermées.
person-done-unlocked = Le compte est déverrouillé.
person-done-suspended = Le compte est suspendu.
person-done-reactivated = Le compte est réactivé.
person-make-admin = Nommer administrateur
person-make-admin-confirm = La personne pourra gérer l'équipe, les équipes de soins et les réglages de l'organisation. Elle en sera avisée par courriel.
person-end-admin = Retirer l'administration
person-end-admin-confirm = La personne restera dans l'équipe, sans gérer l'organisation. Elle en sera avisée par courriel. Il doit toujours rester un administrateur actif.
person-remove = Retirer de l'organisation
person-remove-confirm = Ses accès à cette organisation prendront fin tout de suite, elle quittera ses équipes de soins et ses sessions seront fermées. Son compte reste s'il sert ailleurs (usager, proche aidant, autre organisation). Un avis sera envoyé à { $email }.
person-done-made-admin = La personne est maintenant administratrice.
person-done-admin-ended = La personne n'est plus administratrice.
person-done-removed = La personne a été retirée de l'organisation.
team-search-label = Rechercher une personne (nom, courriel ou numéro de professionnel)
team-state-label = État du compte
team-state-all = Tous
team-state-invited = Invités
team-state-active = Actifs
team-state-suspended = Suspendus
team-state-locked = Verrouillés
team-count = { $total ->
    [one] Une personne
   *[other] { $total } personnes
}
team-none = Personne ne correspond.
team-pages = Pages de la liste de l'équipe
team-number-label = Numéro de professionnel (facultatif)
team-number-hint = Médecin : 1-12345 · résident : 5-12345 · infirmière praticienne spécialisée : 8-12345, avec ou sans le tiret.
column-number = Numéro
person-number = Numéro de professionnel
person-number-none = Aucun
person-number-save = Enregistrer le numéro
person-done-number = Le numéro de professionnel est enregistré.
error-professional-number-invalid = Ce numéro n'est pas valide : un médecin a 1-12345, un résident 5-12345, une infirmière praticienne spécialisée 8-12345.
error-professional-number-taken = Une autre personne de l'organisation a déjà ce numéro.
message-author-staff-number = { $name }, { $number }
audit-staff-number-set = Numéro de professionnel enregistré
error-already-administrator = Cette personne est déjà administratrice.
error-not-administrator = Cette personne n'est pas administratrice.
audit-account-made-administrator = Nommé administrateur
audit-account-administrator-ended = Administration retirée
audit-account-removed-from-organisation = Retiré de l'organisation
mail-administrator-made-subject = Vous êtes administrateur de votre organisation sur le portail usager
mail-administrator-made-body =
    Bonjour { $name },

    Un administrateur de votre organisation vous a nommé administrateur : vous pouvez maintenant gérer l'équipe, les équipes de soins et les réglages de l'organisation.
    Si vous pensez que c'est une erreur, communiquez avec lui.
mail-administrator-ended-subject = Vous n'êtes plus administrateur sur le portail usager
mail-administrator-ended-body =
    Bonjour { $name },

    Un administrateur de votre organisation a retiré votre rôle d'administrateur. Vous gardez vos autres accès.
mail-removed-subject = Vous ne faites plus partie d'une organisation sur le portail usager
mail-removed-body =
    Bonjour { $name },

    Un administrateur de { $organisation } vous a retiré de l'organisation : vos accès à celle-ci ont pris fin et vos sessions ont été fermées.
    Si vous pensez que c'est une erreur, communiquez avec lui.
staff-administrators = Administrateurs de votre organisation
staff-administrators-hint = Pour un accès, un mot de passe ou un compte verrouillé, adressez-vous à l'un d'eux.

# Messagerie sécurisée
messages-title = Messages
messages-intro = Vos échanges avec votre équipe de soins. Seuls les professionnels de l'équipe concernée les voient.
messages-none = Aucun message pour le moment.
messages-count = { $total ->
    [one] 1 conversation
   *[other] { $total } conversations
}
messages-unread = { $count ->
    [one] 1 conversation non lue
   *[other] { $count } conversations non lues
}
messages-search-label = Chercher par sujet
messages-pages = Pages des conversations
messages-write = Écrire à mon équipe de soins
messages-write-none = Aucune de vos équipes de soins n'accepte de nouveaux messages. Vous pouvez répondre aux messages qu'elles vous envoient.
messages-back = Retour aux messages
message-emails-title = Avis par courriel
message-emails-legend = M'envoyer un courriel
message-emails-each = Quand un message arrive (au plus un courriel par conversation par heure)
message-emails-daily = Une fois par jour, un résumé des conversations avec des messages non lus
message-emails-off = Jamais
message-emails-hint = Le courriel dit seulement qu'un message vous attend, jamais ce qu'il contient.
message-new = Nouveau
message-author-me = Vous
message-author-staff = { $name }
message-author-caregiver = { $name } (proche aidant) pour { $patient }
message-subject = Sujet
message-body = Message
message-team = Équipe de soins
message-team-from = Écrire au nom de l'équipe
message-send = Envoyer
message-replies-allowed = L'usager peut répondre à ce message
reply-label = Votre réponse
conversation-title = Conversation
conversation-with = Avec : { $team }
conversation-team = Équipe : { $team }
conversation-closed = Fermée
conversation-closed-explained = Cette conversation est fermée : vous ne pouvez plus y écrire. Pour joindre votre équipe de soins, communiquez avec elle par téléphone.
conversation-closed-staff = Cette conversation est fermée. Rouvrez-la pour y écrire.
replies-off-explained = Votre équipe de soins n'a pas activé les réponses à ce message. Pour la joindre, communiquez avec elle par téléphone.
replies-off-explained-phone = Votre équipe de soins n'a pas activé les réponses à ce message. Pour la joindre, appelez le { $phone }.
conversation-hide-label = Cacher cette conversation à mes proches aidants
conversation-assigned-to = Prise en charge par { $name }
conversation-take = Prendre en charge
conversation-release = Ne plus prendre en charge
conversation-close = Fermer la conversation
conversation-reopen = Rouvrir la conversation
conversation-new-title = Écrire à l'usager
conversation-new-heading = Écrire à { $patient }
conversation-new-no-team = Vous ne faites partie d'aucune équipe de soins qui suit cet usager. Ajoutez l'usager à la liste de votre équipe dans son dossier, ou demandez à un administrateur de vous ajouter à une équipe.
inbox-title = Messages de l'équipe
inbox-filters = Filtrer les conversations
inbox-all = Toutes
inbox-unread = Non lues
inbox-mine = Prises en charge par moi
inbox-search-label = Chercher par usager ou sujet
inbox-none = Aucune conversation.
inbox-back = Retour aux messages de l'équipe
file-teams = Équipes de soins
file-teams-none = Aucune équipe de soins ne suit cet usager.
file-teams-remove = Retirer
file-teams-add-label = Ajouter une équipe de soins
file-teams-add = Ajouter l'équipe
teams-title = Équipes de soins
teams-intro = Une conversation réunit un usager et une équipe : tous les membres de l'équipe la voient, personne d'autre.
teams-none = Aucune équipe de soins pour le moment.
teams-members = { $count ->
    [0] Aucun membre
    [one] 1 membre
   *[other] { $count } membres
}
teams-new = Nouvelle équipe
teams-create = Créer l'équipe
team-name = Nom de l'équipe
team-phone = Téléphone de l'équipe
team-phone-hint = Donné aux usagers quand les réponses sont désactivées. Facultatif.
team-patients-may-start = Les usagers peuvent écrire en premier
team-replies-by-default = Les usagers peuvent répondre (par défaut)
team-settings = Réglages
team-members = Membres
team-members-none = Aucun membre pour le moment.
team-member-remove = Retirer de l'équipe
team-member-add-label = Ajouter un membre
team-member-add = Ajouter
error-conversation-closed = Cette conversation est fermée : on ne peut plus y écrire.
error-replies-off = Votre équipe de soins n'a pas activé les réponses à ce message.
error-attachment-type = Seuls les fichiers PDF, JPEG et PNG peuvent être joints. Choisissez de nouveau vos fichiers.
error-attachment-too-large = Un fichier peut faire 10 Mo au plus. Choisissez de nouveau vos fichiers.
error-attachments-too-many = Vous pouvez joindre 5 fichiers au plus à un message. Choisissez de nouveau vos fichiers.
message-files = Joindre des fichiers (facultatif)
message-files-hint = PDF, JPEG ou PNG, jusqu'à 5 fichiers de 10 Mo chacun.
message-files-list = Fichiers joints
file-size = ({ $size })
file-size-kb = { $size } Ko
file-size-mb = { $size } Mo
decimal-separator = ,
error-mail-choice-invalid = Choisissez comment être avisé des nouveaux messages.
error-message-required = Écrivez votre message.
error-message-too-long = Le message ne peut pas dépasser 10 000 caractères.
error-subject-required = Indiquez le sujet.
error-subject-too-long = Le sujet ne peut pas dépasser 200 caractères.
error-team-invalid = Choisissez une de vos équipes de soins.
error-team-not-following = Cet usager n'est pas sur la liste de cette équipe. Ajoutez l'équipe dans son dossier d'abord.
error-team-name-required = Indiquez le nom de l'équipe.
error-team-name-too-long = Le nom de l'équipe ne peut pas dépasser 100 caractères.
error-team-name-taken = Une autre équipe de votre organisation porte déjà ce nom.
error-member-invalid = Choisissez un professionnel ou un administrateur de votre organisation.
mail-message-digest-subject = Votre résumé quotidien des messages du Portail usager
mail-message-digest-body =
    Bonjour { $name },

    Conversations de vos équipes de soins avec des messages que vous n'avez pas encore lus : { $count }.
    Pour les lire, connectez-vous :
    { $link }

    Ce courriel ne contient aucun renseignement de santé. Pour changer ces avis, voyez « M'envoyer un courriel » dans la boîte de réception de l'équipe.
mail-new-message-subject = Nouveau message sur le portail usager
mail-new-message-body =
    Bonjour { $name },

    Vous avez un nouveau message sur le portail usager. Pour le lire, connectez-vous :
    { $link }

    Ce courriel ne contient aucun renseignement de santé. Pour ne plus recevoir ces avis, choisissez « Jamais » sous « M'envoyer un courriel » dans vos messages.
audit-conversation-started = Conversation commencée
audit-message-sent = Message envoyé
audit-attachment-added = Fichier joint à un message
audit-attachment-downloaded = Fichier téléchargé
audit-conversation-read = Conversation lue (première lecture)
audit-conversation-closed = Conversation fermée
audit-conversation-reopened = Conversation rouverte
audit-conversation-assigned = Conversation prise en charge
audit-conversation-unassigned = Conversation laissée
audit-conversation-hidden-from-caregivers = Conversation cachée aux proches aidants
audit-conversation-shown-to-caregivers = Conversation montrée aux proches aidants
audit-message-emails-each = Avis de nouveaux messages activés
audit-message-emails-daily = Résumé quotidien des messages choisi
audit-message-emails-off = Avis de nouveaux messages désactivés
audit-team-created = Équipe de soins créée
audit-team-updated = Équipe de soins modifiée
audit-team-member-added = Membre ajouté à une équipe de soins
audit-team-member-removed = Membre retiré d'une équipe de soins
audit-team-patient-added = Usager ajouté à la liste d'une équipe de soins
audit-team-patient-removed = Usager retiré de la liste d'une équipe de soins
yes = Oui
no = Non
error-action-required = Choisissez quoi faire de la conversation.
service-invitations = Invitations des patients
service-invitations-about = Inviter des patients et leur envoyer une nouvelle invitation.
service-caregivers = Proches aidants
service-caregivers-about = Ajouter et gérer les proches aidants aux dossiers des patients.
service-messaging = Messagerie
service-messaging-about = Lire les conversations des équipes de soins avec les patients et y répondre.
service-questionnaires = Questionnaires
service-questionnaires-about = Envoyer des questionnaires aux patients et consulter leurs réponses.
service-administration = Administration de l'équipe
service-administration-about = Ajouter des personnes, choisir leurs services, gérer les équipes de soins et les paramètres de l'organisation.
service-support-desk = Centre de soutien
service-support-desk-about = Aider les personnes avec leur compte : données personnelles seulement, rien de clinique.
services-none = Aucun service
services-title = Services
services-legend = Services que cette personne peut utiliser
services-update = Mettre à jour les services
services-yours = Vos services
services-nothing = Vous n'avez aucun service dans cette organisation.
services-nothing-hint = Votre compte reste ouvert. Pour utiliser le portail dans votre travail, demandez à l'une des personnes qui administrent votre organisation, ci-dessous.
audit-staff-services-changed = Services modifiés
mail-services-changed-subject = Vos services sur le Portail patient ont changé
mail-services-changed-body =
    Bonjour { $name },

    Une personne qui administre { $organisation } a modifié les services que vous pouvez utiliser. Vous pouvez maintenant utiliser :
    { $services }

    Si vous pensez qu'il s'agit d'une erreur, communiquez avec elle.
error-services-required = Choisissez au moins un service pour cette personne.
person-done-services = Les services ont été mis à jour et la personne a été avisée par courriel.
mail-setup-code-body =
    Bonjour { $name },

    Une personne qui administre { $organisation } a créé un compte pour vous sur le Portail patient.
    Pour l'activer, ouvrez ce lien (valide 5 jours, utilisable une seule fois) :

    { $link }

    Il vous faudra aussi le code secret (par exemple A-123456) que cette personne vous remet par téléphone ou en personne. Il n'est jamais envoyé par courriel.
    Vous choisirez ensuite un mot de passe et associerez une application d'authentification.
    Si vous n'attendiez pas ce courriel, ignorez-le.
audit-setup-link-code-failed = Code secret erroné sur un lien d'activation
audit-setup-link-voided = Lien d'activation annulé après 5 codes secrets erronés
audit-staff-secret-code-generated = Nouveau code secret généré
setup-code-intro = Bonjour { $name }, vous avez été ajouté·e à { $organisation }. Entrez d'abord le code secret que la personne qui administre votre accès vous a remis par téléphone ou en personne. Il a la forme A-000000 et n'est jamais envoyé par courriel.
setup-code-label = Code secret
setup-void-body = Ce lien d'activation ne fonctionne plus : le code secret a été mal saisi 5 fois. Demandez à la personne qui administre votre organisation de générer un nouveau code secret ; vous recevrez un nouveau lien.
error-already-activated = Cette personne a déjà activé son compte : un code secret n'est plus nécessaire.
person-new-code = Générer un nouveau code secret
person-new-code-confirm = Un nouveau lien d'activation sera envoyé à { $email } et l'ancien lien et l'ancien code secret cesseront aussitôt de fonctionner. Vous verrez le nouveau code secret une seule fois, pour le remettre par téléphone ou en personne.
staff-code-title = Code secret à remettre
staff-code-intro = Remettez ce code secret à { $name } par téléphone ou en personne. Avec ce code et le lien reçu par courriel, cette personne active son compte.
staff-code-write-down = Notez-le : il ne sera plus affiché.
staff-code-expires = Le lien et le code fonctionnent jusqu'au { $date }, et le lien une seule fois.
staff-code-gone = Le code secret a été affiché une seule fois et ne peut plus l'être. S'il a été perdu, générez-en un nouveau depuis la page de la personne.
staff-code-back = Retour à l'équipe
copy = Copier
copied = Copié
error-already-on-staff = Cette personne fait déjà partie du personnel de votre organisation : modifiez ses services depuis sa page.
audit-staff-added-existing = Compte existant ajouté au personnel
mail-joined-subject = Vous avez maintenant accès à une organisation sur le Portail patient
mail-joined-body =
    Bonjour { $name },

    Une personne qui administre { $organisation } vous a ajouté·e à son personnel sur le Portail patient. Il n'y a rien à activer : connectez-vous comme d'habitude. Vous pouvez utiliser :
    { $services }

    Si vous pensez qu'il s'agit d'une erreur, communiquez avec elle.
team-existing-question = Cette personne a-t-elle déjà un compte Portail?
team-existing-hint = Par exemple, une professionnelle qui travaille déjà avec une autre organisation sur le portail.
team-existing-yes = Oui, elle a un compte
team-existing-no = Non, créer un compte
team-existing-title = Ajouter une personne qui a déjà un compte
team-existing-intro = Entrez le courriel avec lequel elle se connecte. Elle recevra une invitation à rejoindre votre personnel avec les services cochés, et n'en fera partie qu'après l'avoir acceptée.
team-existing-submit = Inviter à rejoindre le personnel
team-new-title = Créer un compte pour une nouvelle personne
team-change-answer = Modifier ma réponse
staff-role-support = Centre de soutien de { $organisation }
audit-support-viewed = Le centre de soutien a consulté votre compte
audit-support-unlocked = Déverrouillé par le centre de soutien
audit-support-password-reset-sent = Instructions de réinitialisation du mot de passe envoyées par le centre de soutien
audit-support-invitation-resent = Nouvelle invitation envoyée par le centre de soutien
support-title = Centre de soutien
support-intro = Trouvez la personne qui appelle par son nom, son courriel ou sa date de naissance. Vous voyez ses données personnelles et comment elle accède au portail, jamais rien de clinique; chaque consultation figure dans son journal d'accès.
support-search-label = Nom, courriel ou date de naissance
support-none = Personne de l'organisation ne correspond à cette recherche.
support-person-title = Une personne, pour le centre de soutien
support-personal-only = Données personnelles seulement : les messages, les questionnaires et ce que les proches aidants peuvent faire ne sont pas affichés ici.
support-language = Langue
support-mobile = Cellulaire
support-home-phone = Téléphone à domicile
support-state = Compte
support-state-active = Actif
support-state-pending = Pas encore activé
support-state-suspended = Suspendu
support-state-locked = Verrouillé jusqu'au { $date }
support-events = Événements de sécurité récents
support-unlock = Déverrouiller
support-reset = Envoyer les instructions de réinitialisation du mot de passe
support-resend = Envoyer une nouvelle invitation
support-done-unlocked = Le compte est déverrouillé et la personne a été avisée par courriel.
support-done-reset = Les instructions pour choisir un nouveau mot de passe ont été envoyées au courriel de la personne.
support-back = Retour à la recherche
overview-title = Vue d'ensemble
overview-now = À surveiller maintenant
overview-locked = Comptes verrouillés en ce moment
overview-staff-pending = Membres du personnel qui n'ont pas activé leur compte
overview-mail-waiting = Courriels en attente d'envoi (tout le portail)
overview-mail-failed = Courriels abandonnés après la dernière tentative (tout le portail)
overview-weeks = Invitations par semaine, 12 dernières semaines
overview-weeks-hint = Chaque invitation est comptée dans la semaine de son envoi, avec ce qu'elle est devenue depuis : utilisée (un compte a été créé), expirée, ou annulée après 5 codes erronés.
overview-week-of = Semaine du
overview-sent = Envoyées
overview-redeemed = Utilisées
overview-expired = Expirées
overview-void = Annulées
nav-overview = Vue d'ensemble

# ---- Tenancy: the organisation one works in, joining and leaving a staff ----
error-choose-organisation = Choisissez d'abord l'organisation où vous travaillez, depuis l'accueil du personnel.
error-account-shared = Ce compte appartient aussi à une autre organisation : seul le soutien de la plateforme peut agir sur le compte entier (mot de passe, déverrouillage). Communiquez avec lui.
error-join-needs-authenticator = Le personnel se connecte avec une application d'authentification. Ajoutez-en une dans la sécurité de votre compte, puis acceptez de nouveau.
audit-session-organisation-chosen = Organisation de travail choisie
audit-staff-join-asked = Invitation à rejoindre le personnel envoyée
audit-staff-join-withdrawn = Invitation à rejoindre le personnel retirée
audit-staff-join-accepted = Invitation à rejoindre le personnel acceptée
audit-staff-join-declined = Invitation à rejoindre le personnel refusée
audit-staff-left = A quitté le personnel de l'organisation
mail-join-asked-subject = Une organisation vous invite à rejoindre son personnel sur le Portail patient
mail-join-asked-body =
    Bonjour { $name },

    Une personne qui administre { $organisation } vous invite à rejoindre son personnel sur le Portail patient, avec ces services :
    { $services }

    Rien ne change tant que vous n'avez pas accepté. Pour accepter ou refuser, connectez-vous puis ouvrez « Mes organisations » :
    { $link }

    Si vous ne connaissez pas cette organisation, refusez l'invitation ou ignorez ce courriel.
workplace-label = Organisation où vous travaillez :
workplace-choose = Choisir l'organisation
workplace-choose-hint = Vous travaillez dans plusieurs organisations. Choisissez celle où vous travaillez maintenant : les pages du personnel ne montrent que ses données.
workplace-here = Vous travaillez ici maintenant.
workplace-work-in = Travailler à { $organisation }
team-existing-asked = Si cette personne a un compte, elle a été invitée à rejoindre votre personnel et le sera dès qu'elle acceptera. Sinon, créez-lui un compte avec « Non ».
team-waiting-title = En attente d'acceptation
team-waiting-state = en attente d'acceptation
team-waiting-until = L'invitation reste valide jusqu'au { $date }.
team-waiting-withdraw = Retirer l'invitation
team-waiting-withdrawn = L'invitation a été retirée.
person-account-shared = Ce compte appartient aussi à une autre organisation : la réinitialisation du mot de passe et le déverrouillage passent par le soutien de la plateforme. Vous agissez seulement sur sa place dans votre organisation.
organisations-title = Mes organisations
organisations-requests = Invitations à rejoindre un personnel
organisations-request-intro = { $organisation } vous invite à rejoindre son personnel, avec ces services :
organisations-request-until = Répondez avant le { $date }.
organisations-accept = Accepter
organisations-decline = Refuser
organisations-staff = Organisations où je travaille
organisations-staff-none = Vous ne faites partie du personnel d'aucune organisation.
organisations-leave = Quitter cette organisation
organisations-leave-confirm = Quitter { $organisation }? Vous n'y aurez plus accès; seule une personne qui l'administre pourra vous inviter de nouveau.
organisations-leave-cancel = Ne pas quitter
organisations-patient = Organisations qui me suivent comme patient
organisations-done-accepted = Vous faites maintenant partie du personnel de cette organisation.
organisations-done-declined = L'invitation a été refusée.
organisations-done-left = Vous avez quitté cette organisation.
header-patient-space = Mon espace santé
header-staff-space = Espace du personnel
support-account-shared = Ce compte appartient aussi à une autre organisation : le déverrouillage et la réinitialisation du mot de passe passent par le soutien de la plateforme.
patient-home-recent = Vos dernières conversations, par organisation

error-id-invalid = Cette référence n'est pas valide. Revenez à la page précédente et réessayez.

idle-warning-title = Êtes-vous toujours là?
idle-warning-text = Sans activité de votre part, vous serez déconnecté·e dans 2 minutes pour protéger vos renseignements.
idle-warning-stay = Rester connecté·e
signed-out-idle = Vous avez été déconnecté·e après 30 minutes sans activité, pour protéger vos renseignements. Connectez-vous de nouveau pour continuer.
idle-cap-title = Votre session se termine bientôt
idle-cap-text = Par sécurité, une session dure au plus 12 heures : elle se termine dans 2 minutes. Enregistrez ce que vous écrivez, puis connectez-vous de nouveau.
idle-cap-ok = Compris
route-loading = Chargement de la page…
form-upload-progress = { $percent } % envoyé
error-connection-lost = La connexion a été perdue : rien n'a été envoyé. Vérifiez votre connexion et réessayez; ce que vous avez écrit est conservé.
questionnaires-title = Questionnaires
questionnaires-intro = Les questionnaires que votre équipe soignante vous a envoyés. Vos réponses sont enregistrées à chaque partie : vous pouvez vous arrêter et reprendre plus tard, sur un autre appareil.
questionnaires-intro-for = Les questionnaires envoyés à { $name }. Ce que vous remplissez est noté à votre nom.
questionnaires-to-fill = À remplir
questionnaires-done = Remplis
questionnaires-none-to-fill = Aucun questionnaire à remplir.
questionnaires-none-done = Aucun questionnaire rempli pour le moment.
questionnaires-count = Questionnaires à remplir : { $count }
questionnaire-due = À remplir au plus tard le { $date }
questionnaire-overdue = En retard
questionnaire-sent-on = Envoyé le { $date } par { $name }
questionnaire-submitted-on = Envoyé à l'équipe le { $date }
questionnaire-fill = Remplir
questionnaire-see = Voir les réponses
questionnaire-part-of = Partie { $n } sur { $count }
questionnaire-question-of = Question { $n } sur { $count }
questionnaire-note = Note de l'équipe soignante
questionnaire-next = Enregistrer et continuer
questionnaire-previous = Enregistrer et revenir à la partie précédente
questionnaire-save = Enregistrer le brouillon
questionnaire-submit = Envoyer à l'équipe soignante
questionnaire-submit-hint = Après l'envoi, les réponses ne peuvent plus être modifiées.
questionnaire-saved = Brouillon enregistré.
questionnaire-required = (obligatoire)
questionnaire-optional = (facultatif)
questionnaire-submitted-notice = Ces réponses ont été envoyées à l'équipe soignante le { $date }. Elles ne peuvent plus être modifiées.
questionnaire-filled-by-caregiver = Rempli par { $name }, proche aidant, pour { $patient }
questionnaire-filled-by-patient = Rempli par { $name }
questionnaire-no-answer = Sans réponse
questionnaire-not-asked = Question non posée (selon une réponse précédente)
questionnaire-back = Retour aux questionnaires
questionnaire-scale-hint = De 0 ({ $low }) à 10 ({ $high })
questionnaire-date-hint = Jour, mois, année : par exemple 29/02/1988.
questionnaire-choose-many = Cochez toutes les réponses qui s'appliquent.
file-questionnaires = Questionnaires
file-questionnaires-none = Aucun questionnaire envoyé.
questionnaire-send-title = Envoyer un questionnaire
questionnaire-choose = Questionnaire
questionnaire-due-label = À remplir au plus tard le (facultatif)
questionnaire-note-label = Note pour l'usager (facultatif)
error-questionnaire-no-patient = Cochez au moins un patient.
team-send-title = Envoyer un questionnaire à plusieurs patients
team-send-intro = Choisissez une de vos équipes, puis les patients de sa liste à qui envoyer le questionnaire. Chacun reçoit un courriel sans renseignement de santé.
team-send-team = Équipe
team-send-show = Afficher les patients de l'équipe
team-send-patients = Patients de la liste de l'équipe
team-send-no-team = Vous ne faites partie d'aucune équipe soignante de cette organisation.
team-send-no-patients = La liste de cette équipe ne compte aucun patient.
team-send-submit = Envoyer aux patients cochés
team-send-sent = Questionnaires envoyés : { $count }.
questionnaire-show-score = Montrer le score et son interprétation au patient une fois le questionnaire rempli
questionnaire-note-hint = Visible par l'usager et ses proches aidants. Le courriel d'avis ne contient ni le nom du questionnaire ni cette note.
questionnaire-send = Envoyer le questionnaire
questionnaire-sent = Questionnaire envoyé : l'usager et ses proches aidants autorisés reçoivent un avis par courriel.
questionnaire-state-sent = Envoyé, pas encore rempli
questionnaire-state-overdue = En retard
questionnaire-state-submitted = Rempli, à revoir
questionnaire-state-reviewed = Revu
questionnaire-open = Ouvrir
questionnaire-score = Score : { $score }
questionnaire-alert = Alerte : { $flag }
questionnaire-result = Résultat
questionnaire-total = Score total
questionnaire-history-title = Scores au fil du temps
questionnaire-history-date = Date
questionnaire-history-this = (ce questionnaire)
questionnaire-band = Interprétation
questionnaire-symptom = Symptôme
questionnaire-value = Valeur
questionnaire-level = Niveau
questionnaire-answers = Réponses
questionnaire-question = Question
questionnaire-answer = Réponse
questionnaire-mark-reviewed = Marquer comme revu
questionnaire-comment = Commentaire (facultatif)
questionnaire-reviewed-by = Revu le { $date } par { $name }
questionnaire-not-submitted = Pas encore rempli.
questionnaire-patient = Usager : { $name }
questionnaires-waiting-title = Questionnaires à revoir
questionnaires-waiting-intro = Les questionnaires remplis par les usagers de vos équipes et pas encore revus : ceux qui portent une alerte d'abord.
questionnaires-waiting-none = Aucun questionnaire à revoir.
nav-questionnaires = Questionnaires
error-answer-choice = Choisissez une des réponses proposées.
error-answer-date = Entrez une date valide : jour, mois, année, par exemple 29/02/1988.
error-answer-number = Entrez un nombre, par exemple 72,5.
error-answer-whole-number = Entrez un nombre entier, sans virgule.
error-answer-range = Entrez un nombre de { $min } à { $max }.
error-answer-required = Répondez à cette question avant d'envoyer le questionnaire.
error-answer-too-long = Le texte est trop long : { $max } caractères au plus.
error-comment-too-long = Le commentaire est trop long : 2 000 caractères au plus.
error-due-date-past = La date limite ne peut pas être déjà passée.
error-questionnaire-choose = Choisissez un questionnaire de la liste.
error-questionnaire-condition = Une condition renvoie à une question inconnue ou qui vient après.
error-questionnaire-definition = Ce questionnaire n'est pas valide.
error-questionnaire-empty-group = Une section n'a aucune question.
error-questionnaire-link-id = Chaque question doit avoir un identifiant unique.
error-questionnaire-not-submitted = Ce questionnaire n'a pas encore été rempli.
error-questionnaire-options = Une question à choix doit proposer des réponses toutes différentes.
error-questionnaire-reviewed = Ce questionnaire a déjà été revu.
error-questionnaire-scoring = Le score porte sur une question qui n'a pas de valeur.
error-questionnaire-submitted = Ce questionnaire a déjà été envoyé à l'équipe : il ne peut plus être modifié.
error-fhir-json = Ce fichier n'est pas du JSON valide (ligne { $line }, colonne { $column }).
error-fhir-too-large = Ce questionnaire est trop long : { $max } ko au plus.
error-fhir-empty = Collez le Questionnaire FHIR à importer.
error-fhir-resource-type = Ce fichier contient une ressource « { $found } », pas un Questionnaire FHIR.
error-fhir-no-name = Le questionnaire doit avoir un identifiant (id ou name).
error-fhir-title = Le titre doit exister en français et en anglais (extension translation).
error-fhir-description = La description doit exister en français et en anglais (extension translation).
error-fhir-scoring = Le calcul du score déclaré par Portail dans ce fichier n'est pas lisible.
error-fhir-no-items = Le questionnaire ne contient aucune question.
error-fhir-no-link-id = Élément { $item } : le linkId manque.
error-fhir-translation = Élément { $item } ({ $link }) : le texte n'existe pas en { $lang ->
        [en] anglais
       *[fr] français
    }.
error-fhir-unit = Élément { $item } ({ $link }) : l'unité doit exister en français et en anglais.
error-fhir-nested = Élément { $item } ({ $link }) : seule une section (group) peut contenir des questions.
error-fhir-value-set = Élément { $item } ({ $link }) : les réponses doivent être listées dans answerOption (les answerValueSet ne sont pas lus).
error-fhir-option = Élément { $item } ({ $link }) : chaque réponse proposée doit avoir un code (valueCoding).
error-fhir-option-translation = Élément { $item } ({ $link }) : la réponse « { $code } » doit exister en français et en anglais.
error-fhir-weight = Élément { $item } ({ $link }) : la valeur (ordinalValue) de la réponse « { $code } » doit être un nombre entier.
error-fhir-scale = Élément { $item } ({ $link }) : une échelle (slider) va de 0 à 10 et nomme ses deux extrémités (lower, upper).
error-fhir-type = Élément { $item } ({ $link }) : le type « { $type } » n'est pas pris en charge.
error-fhir-unknown-link = Élément { $item } ({ $link }) : enableWhen renvoie au linkId inconnu « { $question } ».
error-fhir-enable-when = Élément { $item } ({ $link }) : cette condition enableWhen n'est pas prise en charge (opérateurs =, !=, >, <, exists).
error-fhir-condition-later = Élément { $item } ({ $link }) : une condition ne peut porter que sur une question posée avant.
error-fhir-link-id = Élément { $item } : le linkId « { $link } » est utilisé deux fois.
error-fhir-options = Élément { $item } ({ $link }) : une question à choix doit proposer des réponses aux codes tous différents.
error-fhir-empty-group = Élément { $item } ({ $link }) : cette section n'a aucune question.
error-fhir-scoring-item = Élément { $item } ({ $link }) : le score porte sur une question qui n'a pas de valeur.
error-fhir-definition = Élément { $item } ({ $link }) : ce questionnaire n'est pas valide.
audit-questionnaire-sent = Questionnaire envoyé
audit-questionnaire-opened = Questionnaire ouvert
audit-questionnaire-submitted = Questionnaire rempli et envoyé
audit-questionnaire-viewed = Réponses à un questionnaire consultées
audit-questionnaire-reviewed = Questionnaire revu
audit-questionnaire-exported = Réponses à des questionnaires exportées
audit-questionnaire-imported = Questionnaire importé dans la bibliothèque
error-questionnaire-same-version = Cette version est déjà la dernière de la bibliothèque : rien n'a été ajouté.
library-title = Bibliothèque de questionnaires
library-intro = Les questionnaires que votre organisation peut envoyer, dans leur dernière version. Modifier un questionnaire en crée une nouvelle version : les réponses restent liées à la version remplie.
library-link = Bibliothèque de questionnaires
library-col-questionnaire = Questionnaire
library-col-version = Version
library-col-code = Code
library-col-downloads = Téléchargements
library-download-fhir = Questionnaire FHIR
library-download-csv = Réponses (CSV)
library-download-bundle = Réponses (FHIR)
library-download-of = de « { $title } »
library-import-title = Importer un questionnaire FHIR R4
library-import-help = Collez un Questionnaire FHIR R4 en JSON. Chaque texte doit exister en français et en anglais (extension translation). Un questionnaire dont l'identifiant existe déjà devient sa version suivante.
library-import-field = Questionnaire FHIR (JSON)
library-import-submit = Importer
library-imported = « { $title } » est dans la bibliothèque, version { $version }.
mail-questionnaire-subject = Un questionnaire vous attend sur le portail usager
mail-questionnaire-body =
    Bonjour { $name },

    Votre équipe soignante vous a envoyé un questionnaire à remplir sur le portail usager. Pour le voir, connectez-vous :
    { $link }

    Ce courriel ne contient aucun renseignement de santé.
questionnaire-flag-badge = Alerte
mail-questionnaire-alert-subject = Un questionnaire rempli demande votre attention
mail-questionnaire-alert-body =
    Bonjour { $name },

    Un questionnaire rempli par un patient que suit votre équipe soignante a levé une alerte. Pour le voir, connectez-vous :
    { $link }

    Ce courriel ne contient aucun renseignement de santé. Vous le recevez parce que vous avez choisi les alertes par courriel ; vous pouvez les arrêter sur la page Questionnaires.
audit-questionnaire-alerts-on = Alertes de questionnaires par courriel activées
audit-questionnaire-alerts-off = Alertes de questionnaires par courriel désactivées
questionnaire-alerts-title = Alertes par courriel
questionnaire-alerts-label = M'écrire quand un questionnaire rempli par un patient de mes équipes lève une alerte (par exemple la question 9 du PHQ-9 au-dessus de 0)
questionnaire-alerts-save = Enregistrer
questionnaire-alerts-saved = Votre choix est enregistré.
mail-questionnaire-reminder-subject = Rappel : un questionnaire vous attend sur le portail usager
mail-questionnaire-reminder-body =
    Bonjour { $name },

    Rappel : votre équipe soignante vous a envoyé un questionnaire à remplir au plus tard le { $date }. Pour le remplir, connectez-vous :
    { $link }

    Ce courriel ne contient aucun renseignement de santé.

## Le constructeur de questionnaires
audit-questionnaire-drafted = Brouillon de questionnaire commencé
audit-questionnaire-published = Questionnaire publié dans la bibliothèque
audit-questionnaire-discarded = Brouillon de questionnaire abandonné
audit-questionnaire-archived = Questionnaire archivé
audit-questionnaire-restored = Questionnaire sorti des archives
audit-questionnaire-builders-all = Les professionnels peuvent maintenant construire des questionnaires
audit-questionnaire-builders-administrators = Seuls les administrateurs peuvent maintenant construire des questionnaires
error-builder-busy = Quelqu'un d'autre modifie ce brouillon en ce moment. Réessayez.
error-builder-condition = Cette réponse ne correspond pas à la question choisie : pour un choix, écrivez l'une de ses réponses telle quelle; pour oui/non, « oui » ou « non »; sinon un nombre.
error-builder-depended-on = Une autre question ({ $item }) ne s'affiche que selon celle-ci : modifiez d'abord cette condition.
error-builder-draft-exists = Un brouillon de ce questionnaire est déjà en cours.
error-builder-item = Cette question n'est plus dans le brouillon.
error-builder-kind = Choisissez le type de question.
error-builder-min-max = Le maximum doit être au moins égal au minimum.
error-builder-number = Entrez un nombre, par exemple 12 ou 37,5.
error-builder-operator = Choisissez comment la réponse est comparée.
error-builder-option-line = Ligne { $line } : écrivez « Français | Anglais », ou « Français | Anglais | points » pour une réponse comptée dans un score.
error-builder-options = Un choix demande entre 2 et { $max } réponses, une par ligne.
error-builder-scored = Le score compte cette question ({ $item }) : elle ne peut pas être retirée.
error-builder-section = Choisissez la section où ajouter la question.
error-builder-text-long = Ce texte est trop long ({ $max } caractères au plus).
error-builder-text-required = Entrez ce texte : chaque texte existe en français et en anglais.
error-builder-too-many = Un questionnaire compte au plus { $max } questions.
error-builder-validated = Cet instrument est validé tel que publié : son libellé et son score ne se modifient pas ici. Une nouvelle version officielle peut être importée en FHIR.
builder-title = Constructeur de questionnaires
builder-intro = Chaque modification est enregistrée dans le brouillon aussitôt; les patients ne voient rien avant la publication.
builder-new = Nouveau questionnaire.
builder-editing-version = La publication crée une nouvelle version : les réponses déjà données restent liées à la version remplie.
builder-scored-note = Ce questionnaire a un score : ses questions comptées ne peuvent pas être retirées.
builder-saved = Modification enregistrée dans le brouillon.
builder-details = Titre et consignes
builder-title-fr = Titre en français
builder-title-en = Titre en anglais
builder-instructions-fr = Consignes en français (facultatif)
builder-instructions-en = Consignes en anglais (facultatif)
builder-save-details = Enregistrer le titre et les consignes
builder-items = Sections et questions
builder-kind-section = Section
builder-kind-short-text = Texte court
builder-kind-long-text = Texte long
builder-kind-choice = Un seul choix
builder-kind-multiple = Plusieurs choix
builder-kind-yes-no = Oui ou non
builder-kind-integer = Nombre entier
builder-kind-decimal = Nombre décimal
builder-kind-date = Date
builder-kind-scale = Échelle de 0 à 10
builder-kind-display = Texte à lire (sans réponse)
builder-op-equals = est
builder-op-not-equals = n'est pas
builder-op-greater = est plus que
builder-op-less = est moins que
builder-op-exists = a une réponse
builder-shown-when = affichée seulement si « { $question } » { $operator } { $answer }
builder-edit = Modifier
builder-move-up = Monter
builder-move-down = Descendre
builder-remove = Retirer
builder-edit-title = Modifier
builder-save-item = Enregistrer
builder-add-title = Ajouter une question
builder-add-submit = Ajouter la question
builder-section-label = Section
builder-kind-label = Type de question
builder-text-fr = Texte en français
builder-text-en = Texte en anglais
builder-required = Une réponse est obligatoire
builder-choices-legend = Pour un choix
builder-options-hint = Une réponse par ligne : « Français | Anglais », ou « Français | Anglais | points » quand la réponse compte dans un score.
builder-options = Réponses
builder-number-legend = Pour un nombre
builder-min = Minimum (facultatif)
builder-max = Maximum (facultatif)
builder-unit-fr = Unité en français (facultatif)
builder-unit-en = Unité en anglais (facultatif)
builder-scale-legend = Pour une échelle de 0 à 10
builder-low-fr = Libellé de 0, en français
builder-low-en = Libellé de 0, en anglais
builder-high-fr = Libellé de 10, en français
builder-high-en = Libellé de 10, en anglais
builder-when-legend = Affichée seulement si (facultatif)
builder-when-hint = La question n'est posée que si une réponse précédente correspond.
builder-when-always = Toujours affichée
builder-when-question = Question précédente
builder-when-operator = Comparaison
builder-when-answer = Réponse
builder-add-section-title = Ajouter une section
builder-add-section-submit = Ajouter la section
builder-publish-title = Aperçu et publication
builder-preview = Aperçu comme un patient
builder-preview-note = Aperçu : voici ce questionnaire tel que les patients le voient. Toutes les questions sont affichées, sans tenir compte des conditions; rien n'est enregistré.
builder-back = Retour au constructeur
builder-publish-hint = La publication ajoute ce questionnaire à la bibliothèque, d'où il peut être envoyé.
builder-publish = Publier
builder-discard = Abandonner le brouillon
library-new-title = Construire un questionnaire
library-drafts = Brouillons en cours
library-new-submit = Commencer
library-edit = Modifier
library-archive = Archiver
library-archived = Questionnaires archivés
library-restore = Sortir des archives
library-discarded = Le brouillon a été abandonné.
library-builders-title = Qui construit les questionnaires
library-builders-professionals = Les professionnels qui ont le service Questionnaires peuvent aussi construire des questionnaires (les administrateurs le peuvent toujours)
library-builders-save = Enregistrer
questionnaire-autosaved = Enregistré à { $time }.
questionnaire-autosave-failed = Pas encore enregistré : { $reason }
questionnaire-autosaving = Enregistrement…

## Organisations joining the portal
footer-join = Organismes : rejoindre le portail
join-title = Rejoindre le portail usager
join-intro = Les organismes de santé offrent le portail à leurs usagers. La personne légalement responsable de l'organisme en fait la demande et désigne un administrateur; nous vérifions que l'organisme peut détenir des renseignements de santé, puis l'entente de participation est signée en ligne.
join-processing = Aujourd'hui, nous traitons les demandes reçues le { $date } ou avant.
join-questions-title = Votre organisme peut-il en faire la demande?
join-custodian-question = Votre organisme est-il un dépositaire de renseignements sur la santé?
join-yes = Oui
join-no = Non
join-custodian-hint = Un dépositaire a la garde ou le contrôle de renseignements personnels sur la santé dans l'exercice de ses fonctions liées aux soins de santé.
join-kind = Type d'organisme
join-kind-clinic = Clinique
join-kind-family-medicine-group = Groupe de médecine de famille
join-kind-hospital = Hôpital ou établissement
join-kind-community = Organisme communautaire
join-kind-other = Autre
join-requester-question = Qui êtes-vous?
join-requester-lrp = La personne légalement responsable de l'organisme
join-requester-delegate = Une personne à qui la personne légalement responsable a délégué ce pouvoir
join-requester-neither = Ni l'une ni l'autre
join-lrp-hint = La personne légalement responsable est autorisée à signer au nom de l'organisme et à l'engager légalement; il s'agit généralement du propriétaire ou du directeur médical.
join-continue = Continuer
join-not-custodian-title = Le portail est réservé aux dépositaires de renseignements sur la santé
join-not-custodian-body = Le portail conserve des renseignements de santé : seul un organisme qui en a la garde dans ses fonctions de soins peut l'offrir à ses usagers. Si vous ne savez pas si votre organisme en est un, consultez son responsable de la protection des renseignements personnels.
join-not-responsible-title = La demande doit venir de la personne légalement responsable
join-not-responsible-body = Seule la personne légalement responsable de l'organisme, ou une personne à qui elle a délégué ce pouvoir, peut faire la demande. Si vous ne savez pas de qui il s'agit, consultez le décideur ou le responsable de service de votre clinique ou de votre établissement.
join-change-answers = Modifier mes réponses
join-request-title = Demande d'adhésion
join-request-intro = Tous les champs sont obligatoires, sauf ceux de l'administrateur si la personne légalement responsable l'est aussi. Un lien de confirmation sera envoyé par courriel : la demande compte une fois confirmée.
join-organisation = L'organisme
join-legal-name = Nom légal
join-address = Adresse
join-phone = Téléphone de l'organisme
join-delegate = Vous
join-delegate-name = Votre nom complet
join-delegate-email = Votre adresse courriel
join-confirm-hint = Le lien de confirmation sera envoyé à cette adresse.
join-lrp = La personne légalement responsable
join-given-name = Prénom
join-family-name = Nom de famille
join-lrp-title = Titre ou fonction
join-email = Adresse courriel
join-lrp-email-hint = La personne légalement responsable recevra l'entente à signer à cette adresse.
join-phone-person = Téléphone
join-admin = L'administrateur désigné
join-admin-hint = L'administrateur ajoutera l'équipe et gérera les accès. Il recevra le lien d'activation, et la personne légalement responsable le code secret : aucun des deux courriels seul n'ouvre le compte.
join-lrp-is-admin = La personne légalement responsable est aussi l'administrateur
join-services = Services souhaités
join-attestation = J'atteste que les renseignements fournis sont exacts et que j'ai le pouvoir de faire cette demande au nom de l'organisme.
join-submit = Envoyer la demande
join-sent-title = Vérifiez vos courriels
join-sent-body = Nous vous avons envoyé un lien pour confirmer la demande. Elle ne sera étudiée qu'une fois confirmée.
join-sent-hint = Le lien fonctionne pendant 24 heures. Rien reçu? Vérifiez le dossier des courriels indésirables, ou refaites la demande.
join-link-unusable-title = Ce lien ne fonctionne plus
join-link-unusable-body = Le lien de confirmation fonctionne pendant 24 heures; une demande non confirmée est ensuite supprimée.
join-ask-again = Refaire une demande
join-confirm-title = Confirmer la demande
join-confirm-body = Confirmez la demande d'adhésion de { $organisation } pour qu'elle soit étudiée.
join-confirm-submit = Confirmer la demande
join-confirmed-title = Demande reçue
join-confirmed = La demande de { $organisation } est confirmée.
join-confirmed-next = Nous vous écrirons à chaque étape : une question au besoin, la décision, puis l'entente à signer.
error-join-kind-required = Choisissez le type d'organisme.
error-join-requester-required = Dites qui fait la demande.
error-join-legal-name-required = Entrez le nom légal de l'organisme.
error-join-address-required = Entrez l'adresse de l'organisme.
error-line-too-long = 200 caractères au plus, sans caractères de contrôle.
error-phone-required = Entrez un numéro de téléphone.
error-phone-invalid = Entrez un numéro de téléphone valide, par exemple 514 555-0199.
error-join-delegate-name-required = Entrez votre nom complet.
error-join-title-required = Entrez le titre ou la fonction.
error-join-services-required = Cochez au moins un service.
error-join-attestation-required = Cochez l'attestation pour envoyer la demande.
error-join-link-unusable = Ce lien de confirmation ne fonctionne plus. Refaites la demande.
mail-organisation-request-subject = Confirmez la demande d'adhésion au portail usager
mail-organisation-request-body =
    Bonjour,

    Une demande d'adhésion au portail usager a été faite pour { $organisation } avec cette adresse. Pour la confirmer, ouvrez ce lien dans les 24 heures :
    { $link }

    Si vous n'avez rien demandé, ignorez ce courriel : la demande sera supprimée.
audit-organisation-request-submitted = Demande d'adhésion d'un organisme envoyée
audit-organisation-request-confirmed = Demande d'adhésion d'un organisme confirmée

## Privacy policy
footer-privacy = Confidentialité
privacy-notice = Pour vous offrir certains services, nous devons recueillir, utiliser et parfois communiquer vos renseignements personnels. Pour en savoir plus sur nos pratiques en matière de protection de ces renseignements, consultez notre
privacy-notice-link = politique de confidentialité.
privacy-title = Politique de confidentialité
privacy-intro = Le portail usager conserve des renseignements de santé. Voici ce qu'il recueille, pourquoi, qui y a accès, combien de temps il les garde et comment en obtenir une copie.
privacy-responsible-title = Qui en est responsable
privacy-responsible = Chaque organisme de santé qui vous invite (votre clinique, votre hôpital) est responsable de vos renseignements dans le portail; le portail les héberge pour lui. Un organisme ne voit jamais ce que vous échangez avec un autre.
privacy-collected-title = Ce que nous recueillons
privacy-collected-identity = Votre identité et vos coordonnées : nom, date de naissance, adresse courriel, numéro de cellulaire, langue préférée.
privacy-collected-account = Votre compte : votre mot de passe (jamais en clair, seulement sous une forme qui ne permet pas de le retrouver), votre méthode de vérification, et la trace de vos connexions (date, adresse réseau, navigateur).
privacy-collected-care = Ce que vous et votre équipe de soins écrivez : messages, fichiers joints, réponses aux questionnaires. Pour une personne proche aidante, l'accès que l'usager lui a accordé et sa portée.
privacy-why-title = Pourquoi
privacy-why = Pour vous donner accès aux services en ligne que votre organisme offre, protéger votre compte contre un usage par une autre personne, et garder une trace de qui a fait quoi, comme la loi l'exige des dossiers de santé.
privacy-who-title = Qui y a accès
privacy-who-team = Votre équipe de soins : le personnel de l'organisme qui détient le service concerné. Chaque consultation de votre dossier par le personnel figure dans votre journal des accès.
privacy-who-caregivers = Les personnes proches aidantes que vous avez choisies, dans la portée que vous leur avez accordée; chacune de leurs actions est enregistrée à leur nom.
privacy-who-support = Le soutien technique de votre organisme : vos coordonnées et l'état de votre compte, jamais le contenu de vos soins.
privacy-who-operator = L'exploitant de la plateforme : les organismes et leurs demandes d'adhésion, jamais les renseignements des usagers.
privacy-kept-title = Combien de temps
privacy-kept-record = Vos messages et vos réponses aux questionnaires font partie du dossier que votre organisme doit tenir : ils sont conservés le temps que la loi lui impose, même si vous fermez votre compte.
privacy-kept-short = Les codes de vérification expirent après 10 minutes, les invitations après 5 jours; un navigateur reconnu est oublié 180 jours après la dernière connexion.
privacy-kept-erased = Ce qui ne sert qu'un moment est effacé ensuite : la trace d'une connexion (date, adresse réseau, navigateur) { $sessions } jours après sa dernière activité (la plus récente reste, pour que votre organisme sache quand vous vous êtes connecté la dernière fois), les liens envoyés par courriel { $links } jours après leur expiration, la trace de l'envoi d'un courriel (adresse, objet) après { $mail } jours. Le texte d'un courriel est effacé dès qu'il est envoyé.
privacy-yours-title = Vos responsabilités
privacy-yours-user = Chaque utilisateur est responsable des activités associées à son nom d'utilisateur : gardez confidentiels votre adresse de connexion et votre mot de passe. Si vous croyez qu'une autre personne utilise votre compte, changez votre mot de passe et avertissez le soutien technique de votre organisme.
privacy-yours-copy = Vous pouvez télécharger une copie de toutes vos données depuis les paramètres de votre compte.
privacy-contact-title = Vos questions
privacy-contact = Pour toute question sur vos renseignements, communiquez avec le responsable de la protection des renseignements personnels de l'organisme qui vous a invité, ou avec son soutien technique.
privacy-export-link = Télécharger mes données (paramètres du compte)
settings-privacy-title = Responsable de la protection des renseignements personnels
settings-privacy-intro = La politique de confidentialité le nomme aux usagers, aux personnes proches aidantes et au personnel de l'organisme. Un nom, et une adresse courriel ou un téléphone; laissez tout vide pour ne nommer personne.
settings-privacy-name = Nom
settings-privacy-email = Adresse courriel
settings-privacy-phone = Téléphone
settings-privacy-save = Enregistrer le responsable
settings-privacy-saved = Le responsable de la protection des renseignements personnels est enregistré.
error-privacy-officer-name-required = Entrez le nom du responsable.
error-privacy-officer-reach-required = Entrez une adresse courriel ou un téléphone pour le joindre.
audit-organisation-privacy-officer-changed = Responsable de la protection des renseignements personnels modifié

## The platform's operators (issue #31)
mail-operator-setup-subject = Activez votre compte d'opérateur du portail usager
mail-operator-setup-first-body =
    Bonjour { $name },

    Un compte d'opérateur de la plateforme a été créé pour vous à l'installation du portail usager.
    Pour l'activer, ouvrez ce lien (valide 5 jours, utilisable une seule fois) :

    { $link }

    Il vous faudra aussi le code secret (par exemple A-123456) que la personne qui a installé le portail a reçu. Il n'est jamais envoyé par courriel.
    Vous choisirez un mot de passe et associerez une application d'authentification.
    Si vous n'attendiez pas ce courriel, ignorez-le.
mail-operator-setup-added-body =
    Bonjour { $name },

    Une personne qui exploite la plateforme vous a ajouté·e comme opérateur du portail usager.
    Pour activer votre compte, ouvrez ce lien (valide 5 jours, utilisable une seule fois) :

    { $link }

    Il vous faudra aussi le code secret (par exemple A-123456) que cette personne vous remet par téléphone ou en personne. Il n'est jamais envoyé par courriel.
    Vous choisirez un mot de passe et associerez une application d'authentification.
    Si vous n'attendiez pas ce courriel, ignorez-le.
setup-platform = la plateforme du portail usager
audit-operator-bootstrap = Premier opérateur de la plateforme créé à l'installation
audit-operator-added = Opérateur de la plateforme ajouté
error-operator-exists = La plateforme a déjà un opérateur : les opérateurs en ajoutent d'autres depuis la console.
error-operator-email-taken = Cette adresse a déjà un compte du portail. Un opérateur utilise un compte qui ne sert qu'à cela : donnez une autre adresse.
operator-nav-label = Console de la plateforme
operator-nav-requests = Demandes d'adhésion
operator-nav-operators = Opérateurs
operator-requests-title = Demandes d'adhésion
operator-requests-intro = Les demandes confirmées par courriel, de la plus ancienne à la plus récente : traitez-les dans cet ordre.
operator-states-label = États des demandes
operator-requests-none = Aucune demande dans cet état.
operator-request-organisation = Organisme
operator-request-kind = Type
operator-request-received = Reçue le
operator-request-age = Attente
operator-age-days = { $days ->
    [0] moins d'un jour
    [one] 1 jour
   *[other] { $days } jours
}
request-state-unconfirmed = Non confirmée
request-state-submitted = À étudier
request-state-information-requested = Renseignements demandés
request-state-agreement-pending = Approuvée, entente à signer
request-state-active = Active
request-state-refused = Refusée
request-note-question = Question de { $name }
request-note-answer = Réponse du demandeur
request-note-refusal = Motif du refus, par { $name }
operator-request-title = Demande de { $organisation }
operator-request-back = Toutes les demandes
operator-request-state = État
operator-request-received-on = Reçue le { $date } — en attente depuis { $age }
operator-request-the-organisation = L'organisme
operator-request-address = Adresse
operator-request-phone = Téléphone
operator-request-services = Services demandés
operator-request-language = Langue des courriels
operator-request-lrp = Personne légalement responsable
operator-request-admin = Administrateur désigné
operator-request-requester = Demande faite par
operator-request-requester-lrp = La personne légalement responsable elle-même
operator-request-requester-delegate = { $name } ({ $email }), par délégation
operator-request-name = Nom
operator-request-title-field = Fonction
operator-request-email = Courriel
operator-request-notes = Échanges
operator-request-decided = Décision : { $state }, le { $date }, par { $name }.
operator-decide-title = Décision
operator-approve-title = Approuver
operator-approve-hint = La personne légalement responsable reçoit l'entente de participation à signer en ligne; une personne déléguée qui a fait la demande en est avisée.
operator-approve-submit = Approuver la demande
operator-ask-title = Demander des renseignements
operator-ask-label = Votre question
operator-ask-hint = Envoyée par courriel au demandeur, avec un lien pour répondre. La demande garde sa place dans la file.
operator-ask-submit = Envoyer la question
operator-refuse-title = Refuser
operator-refuse-label = Motif du refus
operator-refuse-hint = Envoyé tel quel au demandeur.
operator-refuse-submit = Refuser la demande
operator-done-approve = La demande est approuvée : l'entente est envoyée à la personne légalement responsable.
operator-done-ask = La question est envoyée au demandeur.
operator-done-refuse = La demande est refusée et le demandeur en est avisé.
error-reason-required = Écrivez le motif du refus : il est envoyé au demandeur.
error-question-required = Écrivez votre question.
error-note-too-long = 4 000 caractères au plus.
error-request-already-decided = Cette demande a déjà été traitée (par une autre personne, ou dans un autre onglet). La page montre la décision prise.
audit-organisation-request-approved = Demande d'adhésion d'un organisme approuvée
audit-organisation-request-refused = Demande d'adhésion d'un organisme refusée
audit-organisation-request-information-requested = Renseignements demandés sur une demande d'adhésion
audit-organisation-request-answered = Réponse du demandeur à une question sur sa demande d'adhésion
mail-organisation-request-question-subject = Une question sur la demande d'adhésion de { $organisation }
mail-organisation-request-question-body =
    Bonjour,

    Pour étudier la demande d'adhésion de { $organisation } au portail usager, nous avons besoin d'un renseignement :

    { $question }

    Répondez en ouvrant ce lien :
    { $link }

    La demande garde sa place dans la file et sera étudiée dès votre réponse.
mail-organisation-request-refused-subject = Demande d'adhésion de { $organisation } refusée
mail-organisation-request-refused-body =
    Bonjour,

    La demande d'adhésion de { $organisation } au portail usager est refusée, pour ce motif :

    { $reason }

    Vous pouvez faire une nouvelle demande si la situation change.
mail-organisation-request-approved-subject = Demande d'adhésion de { $organisation } approuvée
mail-organisation-request-approved-body =
    Bonjour,

    La demande d'adhésion de { $organisation } au portail usager est approuvée.
    La personne légalement responsable recevra l'entente de participation et les conditions d'utilisation à lire et à signer en ligne.
operator-operators-title = Opérateurs de la plateforme
operator-operators-intro = Les opérateurs étudient les demandes d'adhésion des organismes. Ils ne voient jamais les renseignements des patients ni ceux du personnel.
operator-operator-state = État
operator-operator-since = Depuis le
operator-operator-active = Actif
operator-operator-pending = En attente d'activation
operator-operator-me = (vous)
operator-add-title = Ajouter un opérateur
operator-add-hint = Le lien d'activation lui est envoyé par courriel; le code secret qui va avec vous est montré une seule fois, pour le lui remettre par téléphone ou en personne.
operator-add-language = Langue de ses courriels
operator-add-submit = Ajouter l'opérateur
operator-code-title = Code secret du nouvel opérateur
operator-code-intro = Remettez ce code à { $name } par téléphone ou en personne. Son lien d'activation le demande.
operator-code-write-down = Notez-le : il ne sera plus affiché.
operator-code-expires = Le lien et ce code ne fonctionnent plus après le { $date }.
operator-code-gone = Ce code a déjà été affiché. S'il est perdu, ajoutez l'opérateur de nouveau avec une autre adresse, ou demandez à la personne qui exploite le serveur.
operator-code-back = Retour aux opérateurs
join-answer-title = Répondre à la question sur votre demande
join-answer-intro = Pour étudier la demande d'adhésion de { $organisation }, nous avons besoin de ce renseignement :
join-answer-label = Votre réponse
join-answer-submit = Envoyer ma réponse
join-answered-title = Réponse envoyée
join-answered = Merci : votre réponse sur la demande de { $organisation } est transmise. La demande reprend sa place dans la file.
join-answer-unusable = Ce lien ne fonctionne plus : la question a été remplacée par une plus récente, ou la demande a été traitée. Consultez le dernier courriel reçu à son sujet.
error-join-answer-required = Écrivez votre réponse.
error-answer-already-sent = Votre réponse est déjà transmise.
mail-organisation-agreement-subject = Entente de participation de { $organisation } à signer
mail-organisation-agreement-body =
    Bonjour { $name },

    La demande d'adhésion de { $organisation } au portail usager est approuvée.
    À titre de personne légalement responsable, lisez l'entente de participation et les conditions d'utilisation, puis signez-les en ligne (lien valide 30 jours) :

    { $link }

    Une fois l'entente signée, l'administrateur désigné recevra son lien d'activation, et vous, le code secret qui va avec : remettez-le-lui par téléphone ou en personne.
mail-administrator-code-subject = Code secret de l'administrateur de { $organisation }
mail-administrator-code-body =
    Bonjour,

    L'entente de participation de { $organisation } est signée. { $admin } a reçu par courriel son lien d'activation; voici le code secret qui va avec :

    { $code }

    Remettez-le-lui par téléphone ou en personne : son lien le demande, et aucun des deux courriels ne suffit seul. Le lien et le code ne fonctionnent plus après le { $date }.
mail-setup-lrp-code-body =
    Bonjour { $name },

    { $organisation } adhère au portail usager et vous en êtes l'administrateur désigné.
    Pour activer votre compte, ouvrez ce lien (valide 5 jours, utilisable une seule fois) :

    { $link }

    Il vous faudra aussi le code secret (par exemple A-123456) envoyé par courriel à { $responsible }, la personne légalement responsable : demandez-le-lui. Il n'est jamais envoyé à votre adresse.
    Vous choisirez ensuite un mot de passe et associerez une application d'authentification.
join-agreement-title = Entente de participation
join-agreement-intro = Lisez l'entente de participation de { $organisation } et les conditions d'utilisation, puis signez en tapant votre nom.
join-agreement-sign-title = Signature
join-agreement-name-label = Votre nom complet, comme signature
join-agreement-name-hint = Tel qu'il figure sur la demande : { $name }
join-agreement-accept = J'ai lu l'entente de participation et les conditions d'utilisation, et je les accepte au nom de l'organisme.
join-agreement-submit = Signer l'entente
join-agreement-signed-title = Entente signée
join-agreement-signed = L'entente de participation de { $organisation } est signée. L'administrateur désigné reçoit son lien d'activation, et vous, le code secret à lui remettre.
join-agreement-unusable = Ce lien ne fonctionne plus : il a expiré, ou il n'est pas complet. Écrivez-nous pour en recevoir un nouveau.
error-signature-required = Tapez votre nom complet pour signer.
error-signature-name = Tapez votre nom tel qu'il figure sur la demande.
error-agreement-accept-required = Cochez la case pour accepter l'entente et les conditions.
audit-organisation-agreement-signed = Entente de participation signée et organisme créé
agreement-title = Entente de participation signée
agreement-signed-by = Signée par { $name } le { $date }.
agreement-signed-from = Adresse : { $ip } — navigateur : { $agent }
agreement-versions = Entente version { $agreement }, conditions d'utilisation version { $terms }.
agreement-print = Imprimer
agreement-link = Voir l'entente signée
agreement-none = Cet organisme a été installé sur le serveur, sans demande d'adhésion : il n'a pas d'entente signée en ligne.
operator-request-back-one = Retour à la demande
operator-nav-organisations = Organismes
operator-organisations-title = Organismes
operator-organisations-intro = Les organismes qui utilisent le portail : leur état, leurs administrateurs et combien de personnes y travaillent ou y sont suivies. Vous ne voyez jamais qui sont leurs patients.
operator-organisations-none = Aucun organisme pour l'instant.
operator-organisation-state = État
operator-organisation-active = Actif
operator-organisation-suspended = Suspendu depuis le { $date }
operator-organisation-administrators = Administrateurs
operator-organisation-counts = Effectifs
operator-organisation-count = { $staff } membres du personnel, { $patients } patients
operator-organisation-since = Depuis le
operator-suspend-label = Motif de la suspension
operator-suspend-hint = Envoyé aux administrateurs de l'organisme. Son personnel ne pourra plus y travailler; ses patients verront un avis et garderont l'accès à leurs renseignements.
operator-suspend-submit = Suspendre l'organisme
operator-reactivate-submit = Réactiver l'organisme
operator-organisation-reason = Motif : { $reason }
operator-done-suspended = L'organisme est suspendu et ses administrateurs en sont avisés.
operator-done-reactivated = L'organisme est réactivé et ses administrateurs en sont avisés.
error-suspension-reason-required = Écrivez le motif de la suspension : il est envoyé aux administrateurs.
audit-organisation-suspended = Organisme suspendu par la plateforme
audit-organisation-reactivated = Organisme réactivé par la plateforme
mail-organisation-suspended-subject = { $organisation } est suspendu du portail usager
mail-organisation-suspended-body =
    Bonjour { $name },

    La plateforme du portail usager a suspendu { $organisation }, pour ce motif :

    { $reason }

    Tant que la suspension dure, son personnel ne peut plus y travailler; ses patients voient un avis et gardent l'accès à leurs renseignements et à leur copie. Répondez à la plateforme pour la faire lever.
mail-organisation-reactivated-subject = { $organisation } est réactivé sur le portail usager
mail-organisation-reactivated-body =
    Bonjour { $name },

    La plateforme du portail usager a réactivé { $organisation } : son personnel peut de nouveau y travailler.
staff-organisation-suspended = { $organisation } est suspendu par la plateforme : son personnel ne peut pas y travailler tant que la suspension dure. Ses administrateurs ont reçu le motif par courriel.
patient-organisation-suspended = { $organisation } n'offre plus ses services en ligne pour l'instant : son équipe ne peut pas vous répondre ici. Vous gardez l'accès à vos renseignements et à leur copie. Pour un besoin de soins, appelez l'organisme.

# Organisation details, first steps and audit trail (issue #31)
settings-details-title = Coordonnées de l'organisation
settings-details-intro = Le nom, l'adresse et le téléphone que voient vos usagers et votre personnel, et le fuseau horaire de toutes les dates et heures de l'organisation.
settings-organisation-name = Nom de l'organisation
settings-organisation-address = Adresse
settings-organisation-phone = Téléphone de l'organisation
settings-time-zone = Fuseau horaire
settings-details-save = Enregistrer les coordonnées
settings-details-saved = Coordonnées de l'organisation enregistrées.
time-zone-newfoundland = Terre-Neuve (St. John's)
time-zone-atlantic = Atlantique (Halifax, Moncton)
time-zone-eastern = Est (Montréal, Toronto)
time-zone-central = Centre (Winnipeg)
time-zone-saskatchewan = Saskatchewan (Regina, sans heure avancée)
time-zone-mountain = Rocheuses (Edmonton, Calgary)
time-zone-pacific = Pacifique (Vancouver)
time-zone-yukon = Yukon (Whitehorse)
error-time-zone-unknown = Choisissez un fuseau horaire dans la liste.
audit-organisation-details-changed = Coordonnées de l'organisation modifiées
first-steps-title = Premiers pas
first-steps-intro = Ce qu'il reste à faire avant d'accueillir vos usagers. Chaque étape se coche d'elle-même une fois faite.
first-steps-progress = { $done } étapes sur { $total } faites
first-steps-details = Confirmer les coordonnées de l'organisation
first-steps-staff = Ajouter les membres de votre personnel
first-steps-support = Indiquer le téléphone et les heures du soutien
first-steps-care-team = Créer une équipe de soins
first-steps-patients = Inviter vos premiers patients
first-steps-done = fait
first-steps-to-do = à faire
nav-audit = Journal d'audit
audit-trail-title = Journal d'audit
audit-trail-intro = Chaque action faite dans l'organisation, la plus récente en premier : par votre personnel, vos usagers et leurs proches aidants, et par les opérateurs de la plateforme. Rien n'y est jamais modifié ni effacé.
audit-trail-who = Par qui
audit-who-all = Tout le monde
audit-who-operators = Les opérateurs de la plateforme
audit-who-staff = Le personnel
audit-who-patients = Les usagers et les proches aidants
audit-trail-since = Depuis le
audit-trail-until = Jusqu'au
audit-trail-show = Afficher
audit-trail-when = Quand
audit-trail-actor = Par
audit-trail-action = Action
audit-trail-about = À propos de
audit-trail-ip = Adresse IP
audit-trail-none = Aucune action ne correspond à ces critères.
role-operator = opérateur de la plateforme
audit-trail-not-signed-in = personne de connecté
audit-trail-for = pour { $name }
audit-trail-count = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
error-date-range = La date de début doit précéder la date de fin.
error-date-invalid = Entrez une date valide, au format AAAA-MM-JJ.

# Closing one's own account (issue #31)
close-account-link = Fermer mon compte
close-account-title = Fermer mon compte
close-account-intro = Fermer votre compte met fin à votre accès au portail. Avant de continuer, lisez ce que cela change.
close-account-kept = Vos messages et vos réponses aux questionnaires restent au dossier de votre équipe de soins, comme la loi l'exige. Téléchargez d'abord une copie de vos données si vous la voulez.
close-account-sign-in = Vous ne pourrez plus vous connecter, sur aucun appareil : vos sessions se terminent tout de suite.
close-account-caregivers = Les proches aidants qui agissent pour vous perdent leur accès, et vous perdez le vôtre aux personnes que vous aidez.
close-account-again = Pour revenir plus tard, demandez une nouvelle invitation à votre équipe de soins : un nouveau compte sera créé.
close-account-understood = J'ai lu ce qui précède et je veux fermer mon compte
close-account-submit = Fermer mon compte pour de bon
closed-title = Compte fermé
closed-body = Votre compte est fermé et vous êtes déconnecté. Une confirmation a été envoyée à votre adresse courriel.
error-close-understood = Cochez la case pour confirmer que vous voulez fermer votre compte.
error-close-staff = Vous faites partie du personnel d'une organisation : quittez d'abord vos organisations (Mes organisations), puis fermez votre compte.
error-close-operator = Le compte d'un opérateur de la plateforme ne se ferme pas ici : demandez à un autre opérateur.
error-close-already = Ce compte est déjà fermé.
audit-account-closed = Compte fermé par son titulaire
mail-account-closed-subject = Votre compte du portail usager est fermé
mail-account-closed-body =
    Bonjour { $name },

    Votre compte du portail usager a été fermé à votre demande. Vous ne pouvez plus vous connecter, et les accès de proches aidants qui vous concernaient ont pris fin.

    Vos messages et vos réponses aux questionnaires restent au dossier de votre équipe de soins, comme la loi l'exige.

    Si vous n'avez pas demandé cette fermeture, communiquez tout de suite avec votre équipe de soins.

# Terms of use accepted (issue #31)
terms-title = Conditions d'utilisation
terms-read = Lire les conditions d'utilisation (nouvel onglet)
terms-accept-label = J'ai lu et j'accepte les conditions d'utilisation
terms-accept-title = Nouvelles conditions d'utilisation
terms-accept-intro = Les conditions d'utilisation du portail ont changé. Lisez-les et acceptez-les pour continuer.
terms-responsible = Rappel : vous êtes responsable de toute activité faite sous votre nom d'utilisateur. Gardez votre mot de passe et vos codes confidentiels et ne les communiquez à personne.
terms-accept-submit = Accepter et continuer
error-terms-required = Cochez la case pour accepter les conditions d'utilisation.
audit-terms-accepted = Conditions d'utilisation acceptées
footer-terms = Conditions d'utilisation
operator-nav-documents = Documents
operator-documents-title = Documents de la plateforme
operator-documents-intro = Les conditions d'utilisation et l'entente de participation, en français et en anglais (Markdown). Publier une modification en fait une nouvelle version.
operator-document-published = Nouvelle version publiée.
document-terms = Conditions d'utilisation
document-agreement = Entente de participation
operator-document-current = { $document } — version { $version } en vigueur
operator-document-effect-terms = Chaque personne devra accepter la nouvelle version avant sa prochaine page ; elle peut aussi fermer son compte.
operator-document-effect-agreement = Les organisations qui signeront à partir de maintenant signeront la nouvelle version ; les ententes déjà signées restent telles quelles.
operator-document-french = Texte en français (Markdown)
operator-document-english = Texte en anglais (Markdown)
operator-document-publish = Publier la version { $version }
operator-document-versions = Versions publiées
operator-document-name = Document
operator-document-version = Version
operator-document-date = Publiée le
operator-document-by = Par
operator-document-shipped = Livrée avec le portail
error-document-text-required = Écrivez le texte de ce document dans cette langue.
error-document-too-long = Ce texte dépasse 50 000 caractères.
error-document-published-meanwhile = Un autre opérateur vient de publier une version : relisez la version en vigueur avant de publier.
audit-platform-document-published = Nouvelle version d'un document de la plateforme publiée

## Inviting many patients from a file (issue #31)
patients-import = Inviter à partir d'un fichier
import-title = Inviter des patients à partir d'un fichier
import-intro = Envoyez la liste de patients exportée de votre dossier médical électronique. Vous verrez d'abord ce que le portail en a compris, ligne par ligne; rien n'est envoyé avant que vous confirmiez. Chaque patient reçoit ensuite son lien par courriel, et vous obtenez la liste des codes à remettre.
import-formats = Un fichier CSV (colonnes séparées par des points-virgules ou des virgules, en UTF-8 ou en Windows-1252) ou un Bundle FHIR R4 de ressources Patient, jusqu'à 5 000 patients et 8 Mo.
import-columns = Colonnes reconnues : Prénom, Nom, Date de naissance et Courriel (obligatoires), Cellulaire et Langue (facultatives), ou leurs noms anglais (First name, Last name, Date of birth, Email, Mobile, Language). Les autres colonnes sont ignorées.
import-file-label = Fichier de patients
import-submit = Lire le fichier
import-recent = Vos derniers fichiers
import-recent-line = { $file }, envoyé le { $date }
import-state-preview = à confirmer
import-state-confirmed = invitations en cours
import-state-finished = invitations faites
import-preview-title = Patients du fichier
import-file = Fichier : { $file }
import-rows = { $count ->
    [one] 1 ligne lue.
   *[other] { $count } lignes lues.
}
import-count-invite = { $count ->
    [0] Personne ne sera invité.
    [one] 1 patient sera invité.
   *[other] { $count } patients seront invités.
}
import-count-already = { $count ->
    [0] Aucun n'est déjà patient.
    [one] 1 est déjà patient de l'organisation.
   *[other] { $count } sont déjà patients de l'organisation.
}
import-count-errors = { $count ->
    [0] Aucune erreur.
    [one] 1 ligne a une erreur et ne sera pas invitée.
   *[other] { $count } lignes ont une erreur et ne seront pas invitées.
}
import-fix-hint = Pour inviter les lignes en erreur, corrigez-les dans le fichier et envoyez-le de nouveau : les patients déjà invités seront reconnus.
import-verdict-invite = Sera invité
import-verdict-patient = Déjà patient
import-verdict-error = Erreur : { $reason }
import-verdict-invited = Invité
import-show-all = Toutes les lignes
import-show-problems = Seulement les lignes qui ne seront pas invitées
import-column-line = Ligne
import-column-language = Langue
import-column-result = Résultat
import-pages = Pages des lignes du fichier
import-confirm = { $count ->
    [one] Inviter 1 patient
   *[other] Inviter { $count } patients
}
import-discard = Abandonner ce fichier
import-another = Envoyer un autre fichier
import-progress-title = Avancement des invitations
import-progress = { $invited } patients invités sur { $total }.
import-mails = Courriels : { $sent } envoyés, { $waiting } en attente, { $failed } en échec.
import-mails-failed = Un courriel en échec n'a pas pu être livré : corrigez l'adresse dans le dossier du patient et envoyez-lui une nouvelle invitation.
import-refresh = Mettre à jour l'avancement
import-done = Toutes les invitations sont faites. Remettez à chaque patient son code : il en aura besoin avec le lien reçu par courriel.
import-print-codes = Voir et imprimer la liste des codes
import-export-codes = Télécharger les codes (CSV)
import-codes-title = Codes d'invitation à remettre
import-codes-intro = Chaque patient a reçu un lien par courriel. Remettez-lui son code en personne, par téléphone ou par texto, jamais par courriel. Chaque code sert une fois et fonctionne jusqu'à la date indiquée.
import-codes-none = Aucun code à remettre : les invitations de ce fichier ont été utilisées, remplacées ou sont expirées.
import-column-code = Code
import-column-expires = Valide jusqu'au
import-back = Retour au fichier
error-import-too-large = Le fichier dépasse 8 Mo : séparez-le en plusieurs fichiers.
error-import-empty = Le fichier ne contient aucun patient.
error-import-too-many = Le fichier contient plus de 5 000 patients : séparez-le en plusieurs fichiers.
error-import-columns = La première ligne du fichier doit nommer les colonnes, dont Prénom, Nom, Date de naissance et Courriel.
error-import-unreadable = Le fichier n'a pas pu être lu comme un fichier CSV.
error-import-fhir-invalid = Le fichier n'est pas un Bundle FHIR R4 de ressources Patient.
error-import-file-required = Choisissez le fichier à envoyer.
error-import-twice = Ce courriel figure déjà sur une ligne précédente du fichier.
error-import-nobody = Aucun patient de ce fichier ne peut être invité.
error-import-already-confirmed = Ces invitations sont déjà en cours : le fichier ne peut plus être abandonné.
audit-patient-import-confirmed = Patients invités à partir d'un fichier
audit-patient-import-codes-read = Liste des codes d'invitation d'un fichier consultée

## The secret code of a new staff member mailed to an authoriser (issue #31, seed 000)
team-code-to-legend = Qui reçoit le code secret?
team-code-to-hint = Le lien d'activation est envoyé par courriel à la personne ajoutée; il ne fonctionne qu'avec le code secret. Le code peut vous être montré une fois, ou être envoyé par courriel à une personne qui autorise l'accès (par exemple son gestionnaire) et qui le lui remettra : ainsi, aucun courriel seul n'ouvre le compte.
team-code-to-me = Me le montrer maintenant : je le remets moi-même
team-code-to-authoriser = L'envoyer par courriel à la personne qui autorise l'accès
team-authoriser-name = Nom de la personne qui autorise l'accès
team-authoriser-email = Courriel de la personne qui autorise l'accès
team-authoriser-email-hint = Pas l'adresse de la personne ajoutée : son code arriverait à côté de son lien.
team-code-mailed = Le compte est créé. Le lien d'activation est envoyé à la personne ajoutée, et le code secret à la personne qui autorise l'accès.
error-authoriser-name-required = Entrez le nom de la personne qui autorise l'accès.
error-authoriser-same-email = Choisissez une autre personne que celle ajoutée : le code et le lien doivent arriver à deux adresses différentes.
mail-setup-authoriser-code-body =
    Bonjour { $name },

    Une personne qui administre { $organisation } a créé un compte pour vous sur le Portail patient.
    Pour l'activer, ouvrez ce lien (valide 5 jours, utilisable une seule fois) :

    { $link }

    Il vous faudra aussi le code secret (par exemple A-123456) envoyé par courriel à { $authoriser }, qui autorise votre accès : demandez-le-lui. Il n'est jamais envoyé à votre adresse.
    Vous choisirez ensuite un mot de passe et associerez une application d'authentification.
    Si vous n'attendiez pas ce courriel, ignorez-le.
mail-staff-code-subject = Code secret d'un nouveau compte de { $organisation }
mail-staff-code-body =
    Bonjour { $name },

    Une personne qui administre { $organisation } a créé un compte sur le Portail patient pour { $staff } et vous a désigné pour autoriser cet accès. { $staff } a reçu par courriel son lien d'activation; voici le code secret qui va avec :

    { $code }

    Remettez-le-lui par téléphone ou en personne, jamais par courriel : son lien le demande, et aucun des deux courriels ne suffit seul. Le lien et le code ne fonctionnent plus après le { $date }.
    Si vous ne connaissez pas cette personne ou n'autorisez pas cet accès, ne remettez pas le code et prévenez l'administration de { $organisation }.

## The support desk deactivates an account reported as used by someone else (issue #31, seed 000)
support-deactivate = Désactiver le compte (signalé comme utilisé par quelqu'un d'autre)
support-reactivate = Réactiver le compte (sa personne est identifiée)
support-done-deactivated = Le compte est désactivé : ses sessions sont fermées et la personne a été avisée par courriel.
support-done-reactivated = Le compte est réactivé et la personne a été avisée par courriel. Au besoin, envoyez-lui les instructions pour choisir un nouveau mot de passe.
error-deactivate-staff = Un compte du personnel est suspendu par les administrateurs de son organisation, à la page Équipe.
audit-support-account-deactivated = Compte désactivé par le centre de soutien (utilisé par quelqu'un d'autre)
audit-support-account-reactivated = Compte réactivé par le centre de soutien
mail-desk-deactivated-subject = Votre compte du portail usager est désactivé
mail-desk-deactivated-body =
    Bonjour { $name },

    Le centre de soutien de { $organisation } a désactivé votre compte, qui lui a été signalé comme utilisé par quelqu'un d'autre. Personne ne peut plus s'y connecter et toutes ses sessions ont été fermées.
    Pour le récupérer, communiquez avec le centre de soutien de { $organisation } : il vérifiera votre identité avant de le réactiver.
mail-desk-reactivated-subject = Votre compte du portail usager est réactivé
mail-desk-reactivated-body =
    Bonjour { $name },

    Le centre de soutien de { $organisation } a réactivé votre compte. Vous pouvez vous connecter de nouveau.
    Si quelqu'un d'autre a pu connaître votre mot de passe, choisissez-en un nouveau avec « Mot de passe oublié? » sur la page de connexion.
error-service-not-offered = Votre organisme n'offre pas ce service sur le portail patient.
error-services-offered-none = Choisissez au moins un service en plus de l'administration.
audit-organisation-services-changed = Services offerts modifiés par la plateforme
mail-organisation-services-subject = Les services offerts par { $organisation } sur le portail patient ont changé
mail-organisation-services-body =
    Bonjour { $name },

    La plateforme du portail patient a modifié les services offerts par { $organisation }. Il offre maintenant :
    { $services }

    Les membres du personnel qui avaient un service qu'il n'offre plus l'ont perdu. Si vous n'avez pas demandé ce changement, répondez à la plateforme.
services-offered-hint = Seuls les services offerts par votre organisme sont proposés.
operator-organisation-services = Services offerts
operator-services-change = Modifier les services offerts
operator-services-legend = Services offerts par cet organisme
operator-services-hint = L'administration est toujours offerte. Un service retiré l'est à tous les membres du personnel qui l'ont ; les administrateurs en sont avisés par courriel.
operator-services-submit = Enregistrer les services offerts
operator-done-services = Les services offerts ont été modifiés et les administrateurs en ont été avisés par courriel.
details-services-title = Services offerts
details-services-hint = Ce sont les services que votre organisme a demandés en adhérant. Pour en offrir un autre, ou cesser d'en offrir un, écrivez à la plateforme du portail patient.
settings-logo-title = Logo
settings-logo-intro = Votre personnel, vos patients et leurs proches aidants le voient à côté du nom de l'organisme. Personne d'autre ne le voit.
settings-logo-alt = Logo de { $organisation }
settings-logo-none = L'organisme n'a pas encore de logo.
settings-logo-remove = Retirer le logo
settings-logo-label = Fichier du logo
settings-logo-hint = PNG ou JPEG, 256 Ko au plus; environ 4 fois plus large que haut s'affiche le mieux.
settings-logo-submit = Enregistrer le logo
settings-logo-saved = Le logo a été enregistré.
settings-logo-removed = Le logo a été retiré.
error-logo-required = Choisissez le fichier du logo.
error-logo-too-large = Cette image dépasse 256 Ko. Enregistrez-la plus petite (par exemple 400 pixels de large) et envoyez-la de nouveau.
error-logo-format = Ce fichier n'est pas une image PNG ou JPEG. Enregistrez le logo en PNG ou en JPEG et envoyez-le de nouveau.
audit-organisation-logo-changed = Logo modifié
audit-organisation-logo-removed = Logo retiré
settings-support-email = Courriel du soutien
settings-support-email-hint = Facultatif. L'adresse à laquelle vos patients et votre personnel peuvent écrire au sujet de l'utilisation du portail.
join-services-hint = L'administration (gérer votre personnel et ses accès) vient avec chaque organisme.
# Clés d'accès (issue #34)
passkeys-title = Clés d'accès
passkeys-intro = Une clé d'accès vous permet de vous connecter avec l'empreinte, le visage ou le NIP de votre téléphone ou de votre ordinateur, sans mot de passe ni code. Elle ne fonctionne qu'à l'adresse de ce portail : un faux site ne peut pas s'en servir.
passkeys-none = Vous n'avez pas encore de clé d'accès.
passkeys-list = Vos clés d'accès
passkey-added-on = Ajoutée le { $date }
passkey-used-on = Dernière utilisation le { $date }
passkey-never-used = Pas encore utilisée
passkey-remove = Retirer { $passkey }
passkey-name-label = Nom de cette clé d'accès
passkey-name-hint = Par exemple « Pixel de Léa » ou « Ordinateur du bureau », pour la reconnaître dans cette liste.
passkey-add = Ajouter une clé d'accès
passkey-working = Suivez les instructions de votre appareil…
passkey-cancelled = La clé d'accès n'a pas été utilisée : la demande a été annulée ou a expiré. Vous pouvez réessayer.
passkey-sign-in = Se connecter avec une clé d'accès
passkey-sign-in-or = Ou, sans rien taper :
passkey-reauth = Confirmer avec une clé d'accès
account-saved-passkey-added = Votre clé d'accès est ajoutée. Vous pouvez désormais vous connecter avec elle.
account-saved-passkey-removed = La clé d'accès est retirée.
error-passkeys-unavailable = Les clés d'accès ne sont pas offertes à cette adresse du portail.
error-passkey-failed = Cette clé d'accès n'a pas pu être vérifiée. Réessayez, ou connectez-vous avec votre mot de passe.
error-passkey-name-required = Entrez un nom pour cette clé d'accès.
error-passkey-name-long = Le nom doit compter 60 caractères ou moins.
error-passkeys-too-many = Vous avez déjà 20 clés d'accès. Retirez-en une avant d'en ajouter une autre.
error-passkey-known = Cette clé d'accès est déjà enregistrée.
error-passkey-last-for-staff = Le personnel doit garder une clé d'accès ou une application d'authentification : ajoutez-en une autre avant de retirer celle-ci.
error-passkey-none = Vous n'avez pas de clé d'accès : confirmez avec votre mot de passe.
mail-passkey-added-subject = Une clé d'accès a été ajoutée à votre compte
mail-passkey-added-body =
    Bonjour { $name },

    Une clé d'accès nommée « { $passkey } » vient d'être ajoutée à votre compte du portail usager. Elle peut maintenant servir à vous connecter.

    Si ce n'était pas vous, connectez-vous, retirez-la sous Paramètres du compte → Connexion et sécurité, et communiquez avec le soutien au 1 833 564-0404.
mail-passkey-removed-subject = Une clé d'accès a été retirée de votre compte
mail-passkey-removed-body =
    Bonjour { $name },

    La clé d'accès nommée « { $passkey } » vient d'être retirée de votre compte du portail usager. Elle ne peut plus servir à vous connecter.

    Si ce n'était pas vous, utilisez « Mot de passe oublié » sur la page de connexion et communiquez avec le soutien au 1 833 564-0404.
audit-passkey-added = Clé d'accès ajoutée
audit-passkey-add-failed = Clé d'accès non ajoutée : elle n'a pas pu être vérifiée
audit-passkey-removed = Clé d'accès retirée
audit-sign-in-passkey = Connexion avec une clé d'accès
audit-sign-in-passkey-failed = Connexion avec une clé d'accès refusée
audit-reauth-passkey = Identité confirmée avec une clé d'accès
audit-reauth-passkey-failed = Clé d'accès refusée pour confirmer l'identité
account-method-passkey = Clé d'accès (sans mot de passe ni code)
security-remove-app = Ne plus utiliser l'application d'authentification (se connecter avec une clé d'accès)
sign-in-code-passkey = Votre compte se connecte avec une clé d'accès : revenez en arrière et utilisez « Se connecter avec une clé d'accès ». Vous l'avez perdue? Entrez un de vos codes de récupération.
sign-in-recovery-label = Code de récupération
reauth-code-passkey = Confirmez avec votre clé d'accès. Vous l'avez perdue? Entrez un de vos codes de récupération ci-dessous.
person-reset-sign-in = Réinitialiser les méthodes de connexion
person-reset-sign-in-confirm = À faire quand cette personne a perdu son téléphone, ses clés d'accès ou ses codes de récupération. Son mot de passe, son application d'authentification, ses clés d'accès et ses codes de récupération cesseront aussitôt de fonctionner, et toutes ses sessions seront fermées. Un lien sera envoyé à { $email } et vous verrez un nouveau code secret une seule fois, à lui remettre par téléphone ou en personne : avec les deux, elle choisira un nouveau mot de passe et associera une application d'authentification.
error-reset-own-sign-in = Vous ne pouvez pas réinitialiser vos propres méthodes de connexion. Changez-les depuis Mon compte, ou demandez-le à une autre personne qui administre votre organisation.
audit-staff-sign-in-reset = Méthodes de connexion réinitialisées
mail-sign-in-reset-subject = Rétablir votre accès au Portail patient
mail-sign-in-reset-body =
    Bonjour { $name },

    Une personne qui administre { $organisation } a réinitialisé vos méthodes de connexion au Portail patient. Votre ancien mot de passe, votre application d'authentification, vos clés d'accès et vos codes de récupération ne fonctionnent plus, et vos sessions ont été fermées.
    Pour rétablir votre accès, ouvrez ce lien (valide 5 jours, utilisable une seule fois) :

    { $link }

    Il vous faudra aussi le code secret (par exemple A-123456) que cette personne vous remet par téléphone ou en personne. Il n'est jamais envoyé par courriel.
    Vous choisirez ensuite un nouveau mot de passe et associerez une application d'authentification.
    Si vous n'avez rien demandé, communiquez avec la personne qui administre votre organisation.
setup-title-renewal = Rétablir votre accès
setup-code-intro-renewal = Bonjour { $name }, vos méthodes de connexion à { $organisation } ont été réinitialisées. Entrez d'abord le code secret que la personne qui administre votre accès vous a remis par téléphone ou en personne. Il a la forme A-000000 et n'est jamais envoyé par courriel.
setup-intro-renewal = Bonjour { $name }, choisissez un nouveau mot de passe et associez une application d'authentification pour rétablir votre accès à { $organisation }.
setup-submit-renewal = Rétablir mon accès
