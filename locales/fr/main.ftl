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
help-q-cost = Est-ce que je dois payer un abonnement?
help-a-cost = Non. Le portail est offert gratuitement par votre établissement de santé.
help-q-secure = Est-ce que mon compte est sécurisé?
help-a-secure = Oui. Votre compte est protégé par une double vérification (authentification multifacteur) : en plus de votre courriel et de votre mot de passe, un code de vérification est demandé à chaque connexion.
help-q-personal = Qui a accès à mes renseignements personnels?
help-a-personal = Vos renseignements personnels (nom, courriel, adresse) peuvent être consultés au besoin par l'équipe de soutien. Vos renseignements cliniques ne sont visibles que par votre professionnel et son service.
help-q-invitation = À quoi sert mon code d'invitation?
help-a-invitation = Il sert à créer votre compte. Votre professionnel vous le transmet en personne, par téléphone ou par message texte, sous la forme A-000000. Il est valide 5 jours; s'il est expiré, communiquez avec le professionnel qui vous l'a remis.
help-q-error = Un message d'erreur s'affiche, que dois-je faire?
help-a-error = Déconnectez-vous puis reconnectez-vous. Si le message persiste, communiquez avec l'équipe de soutien.

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

sign-in-title = Connexion
sign-in-intro = Entrez votre courriel, votre mot de passe et le code affiché par votre application d'authentification.
sign-in-email-label = Courriel
sign-in-password-label = Mot de passe
sign-in-code-label = Code de vérification à 6 chiffres
sign-in-code-hint = Le code affiché par votre application d'authentification.
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
setup-expired-body = Ce lien d'activation a expiré (il est valide 24 heures). Demandez un nouveau lien à l'administrateur de votre organisation.
setup-used-body = Ce lien d'activation a déjà été utilisé. Si votre compte est activé, connectez-vous.
setup-unknown-body = Ce lien d'activation n'est pas reconnu. Vérifiez qu'il est complet, ou demandez un nouveau lien à l'administrateur de votre organisation.

staff-title = Mon espace
staff-greeting = Bonjour, { $name }
staff-role-admin = Administration de { $organisation }
staff-role-professional = Professionnel à { $organisation }
staff-empty = Votre espace est prêt. Les patients et le personnel de votre organisation apparaîtront ici.

error-unexpected = Une erreur inattendue est survenue. Réessayez dans un instant; si elle persiste, communiquez avec l'équipe de soutien.
error-signed-out = Votre session a pris fin. Connectez-vous de nouveau.
error-not-found = Cette page n'existe pas ou vous n'y avez pas accès.
error-credentials = Le courriel, le mot de passe ou le code de vérification est incorrect.
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
    Pour l'activer, ouvrez ce lien (valide 24 heures, utilisable une seule fois) :

    { $link }

    Vous choisirez un mot de passe et associerez une application d'authentification.
    Si vous n'attendiez pas ce courriel, ignorez-le.

    L'équipe du portail usager
