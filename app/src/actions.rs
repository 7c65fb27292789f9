//! What a form asks the server to do, typed on both sides. Each action is posted as its code
//! (`make-admin`, `close`, …), so a page without JavaScript posts the same HTML as before; a code
//! the server does not know is refused when the form is read (400), never matched as text.

/// An enum whose variants are posted and linked as short codes.
macro_rules! coded {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $code)] $variant),*
        }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),*
                }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code {
                    $($code => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

coded! {
    /// An administrator's action on a staff member (the person's page).
    StaffAction {
        Reset = "reset",
        Unlock = "unlock",
        Suspend = "suspend",
        Reactivate = "reactivate",
        MakeAdmin = "make-admin",
        EndAdmin = "end-admin",
        NewCode = "new-code",
        /// Every way in stops; a new secret code sets it up again.
        ResetSignIn = "reset-sign-in",
        Remove = "remove",
    }
}

impl StaffAction {
    /// Acts on the whole account, not only on the membership: only where the account belongs to
    /// this organisation alone.
    pub fn account_wide(self) -> bool {
        matches!(self, Self::Reset | Self::Unlock | Self::NewCode | Self::ResetSignIn)
    }
}

coded! {
    /// A professional's action on a conversation.
    ConversationAction {
        Close = "close",
        Reopen = "reopen",
        /// Take it on: it is assigned to me.
        Take = "take",
        /// Let it go: assigned to nobody.
        Release = "release",
    }
}

coded! {
    /// An operator's decision on an organisation's request to join.
    RequestDecision {
        Approve = "approve",
        /// Refuse, with a reason mailed to the requester.
        Refuse = "refuse",
        /// Ask the requester for information, answered through a mailed link.
        Ask = "ask",
    }
}

coded! {
    /// An operator's action on an organisation.
    OrganisationAction {
        /// Suspend it, with a reason mailed to its administrators.
        Suspend = "suspend",
        Reactivate = "reactivate",
    }
}

coded! {
    /// The support desk's action on a person's record.
    SupportAction {
        Unlock = "unlock",
        Reset = "reset",
        /// A new invitation for a patient without an account.
        Resend = "resend",
        /// Deactivate an account reported as used by someone else.
        Deactivate = "deactivate",
        /// Give a deactivated account back to its identified owner.
        Reactivate = "reactivate",
    }
}

coded! {
    /// Which setting of a profile a form saves (the pencil's `?edit=`, the form's `field`).
    ProfileField {
        PreferredName = "preferred_name",
        Phones = "phones",
        Address = "address",
        /// The language of notifications.
        Language = "language",
        InterfaceLanguage = "interface_language",
    }
}

coded! {
    /// What an emailed code is for, when a new one is asked.
    CodePurpose {
        SignIn = "sign_in",
        /// A signed-in person confirming who they are.
        Reauth = "reauth",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_posts_its_code_and_reads_back() {
        for action in StaffAction::ALL {
            assert_eq!(StaffAction::parse(action.code()), Some(*action));
            let posted = serde_json::to_string(action).unwrap();
            assert_eq!(posted, format!("\"{}\"", action.code()));
            assert_eq!(serde_json::from_str::<StaffAction>(&posted).unwrap(), *action);
        }
        for action in ConversationAction::ALL {
            assert_eq!(ConversationAction::parse(action.code()), Some(*action));
        }
        for action in SupportAction::ALL {
            assert_eq!(SupportAction::parse(action.code()), Some(*action));
        }
        for field in ProfileField::ALL {
            let posted = serde_json::to_string(field).unwrap();
            assert_eq!(serde_json::from_str::<ProfileField>(&posted).unwrap(), *field);
        }
        assert_eq!(ProfileField::InterfaceLanguage.code(), "interface_language");
        let lang: crate::i18n::Lang = serde_json::from_str("\"en\"").unwrap();
        assert_eq!(lang, crate::i18n::Lang::En, "a language is posted as its code");
        assert_eq!(StaffAction::MakeAdmin.code(), "make-admin");
        assert_eq!(CodePurpose::parse("reauth"), Some(CodePurpose::Reauth));
        assert!(serde_json::from_str::<StaffAction>("\"drop-table\"").is_err());
        assert_eq!(ConversationAction::parse("Close"), None);
    }
}
