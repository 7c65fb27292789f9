//! Page addresses built and read in one place, so a link and the route that answers it cannot
//! drift apart. Each `Page` knows its door: the same conversation is `/messages/5` for the
//! patient, `/for/7/messages/5` for a caregiver under grant 7 and `/staff/conversations/5` for
//! the team.
use crate::door::{AttachmentId, ConversationId, Door, GrantId, SentQuestionnaireId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The conversation list: the patient side's messages, or the team inbox.
    Conversations {
        door: Door,
    },
    /// Writing first (the patient's side; staff write from a patient's file).
    NewConversation {
        door: Door,
    },
    Conversation {
        door: Door,
        id: ConversationId,
    },
    /// A file sent with a message, downloaded through the reader's own door.
    File {
        door: Door,
        id: AttachmentId,
    },
    /// A caregiver's page for the patient under `grant`: what the grant covers.
    ActingFor {
        grant: GrantId,
    },
    /// The patient's profile, edited by a caregiver under `grant`.
    ActingProfile {
        grant: GrantId,
    },
    /// The patient side's questionnaires (to fill, done), or those waiting for the team's review.
    Questionnaires {
        door: Door,
    },
    /// One sent questionnaire: filled on the patient's side, reviewed by the team.
    Questionnaire {
        door: Door,
        id: SentQuestionnaireId,
    },
}

impl Page {
    pub fn href(self) -> String {
        match self {
            Self::Conversations { door } => match door {
                Door::Staff => "/staff/inbox".into(),
                _ => patient_side(door, ""),
            },
            Self::NewConversation { door } => patient_side(door, "/new"),
            Self::Conversation { door, id } => match door {
                Door::Staff => format!("/staff/conversations/{id}"),
                _ => patient_side(door, &format!("/{id}")),
            },
            Self::File { door, id } => match door {
                Door::Staff => format!("/staff/files/{id}"),
                _ => patient_side(door, &format!("/files/{id}")),
            },
            Self::ActingFor { grant } => format!("/for/{grant}"),
            Self::ActingProfile { grant } => format!("/for/{grant}/profile"),
            Self::Questionnaires { door } => questionnaires(door, ""),
            Self::Questionnaire { door, id } => questionnaires(door, &format!("/{id}")),
        }
    }

    /// The page at `path` (no query string), if it is one of these.
    pub fn parse(path: &str) -> Option<Self> {
        let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        let (door, rest) = match segments.as_slice() {
            ["for", grant] => return Some(Self::ActingFor { grant: grant.parse().ok()? }),
            ["for", grant, "profile"] => return Some(Self::ActingProfile { grant: grant.parse().ok()? }),
            ["questionnaires", rest @ ..] => return Self::questionnaire_page(Door::Patient, rest),
            ["staff", "questionnaires", rest @ ..] => return Self::questionnaire_page(Door::Staff, rest),
            ["for", grant, "questionnaires", rest @ ..] => {
                return Self::questionnaire_page(Door::Caregiver { grant: grant.parse().ok()? }, rest)
            }
            ["staff", rest @ ..] => (Door::Staff, rest),
            ["for", grant, "messages", rest @ ..] => {
                (Door::Caregiver { grant: grant.parse::<GrantId>().ok()? }, rest)
            }
            ["messages", rest @ ..] => (Door::Patient, rest),
            _ => return None,
        };
        match (door, rest) {
            (Door::Staff, ["inbox"]) => Some(Self::Conversations { door }),
            (Door::Staff, ["conversations", id]) => Some(Self::Conversation { door, id: id.parse().ok()? }),
            (Door::Staff, ["files", id]) => Some(Self::File { door, id: id.parse().ok()? }),
            (Door::Staff, _) => None,
            (_, []) => Some(Self::Conversations { door }),
            (_, ["new"]) => Some(Self::NewConversation { door }),
            (_, ["files", id]) => Some(Self::File { door, id: id.parse().ok()? }),
            (_, [id]) => Some(Self::Conversation { door, id: id.parse().ok()? }),
            _ => None,
        }
    }
}

impl Page {
    fn questionnaire_page(door: Door, rest: &[&str]) -> Option<Self> {
        match rest {
            [] => Some(Self::Questionnaires { door }),
            [id] => Some(Self::Questionnaire { door, id: id.parse().ok()? }),
            _ => None,
        }
    }
}

/// `/questionnaires…` for the patient, `/for/{grant}/questionnaires…` for a caregiver,
/// `/staff/questionnaires…` for the team.
fn questionnaires(door: Door, rest: &str) -> String {
    match door {
        Door::Patient => format!("/questionnaires{rest}"),
        Door::Caregiver { grant } => format!("/for/{grant}/questionnaires{rest}"),
        Door::Staff => format!("/staff/questionnaires{rest}"),
    }
}

/// `/messages…` for the patient, `/for/{grant}/messages…` for a caregiver.
fn patient_side(door: Door, rest: &str) -> String {
    match door.grant() {
        Some(grant) => format!("/for/{grant}/messages{rest}"),
        None => format!("/messages{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doors() -> [Door; 3] {
        [Door::Patient, Door::Caregiver { grant: GrantId::new(7).unwrap() }, Door::Staff]
    }

    #[test]
    fn every_address_reads_back_as_its_page() {
        let conversation = ConversationId::new(5).unwrap();
        let file = AttachmentId::new(9).unwrap();
        for door in doors() {
            let mut pages = vec![
                Page::Conversations { door },
                Page::Conversation { door, id: conversation },
                Page::File { door, id: file },
            ];
            if door != Door::Staff {
                pages.push(Page::NewConversation { door });
            }
            let sent = SentQuestionnaireId::new(3).unwrap();
            pages.extend([Page::Questionnaires { door }, Page::Questionnaire { door, id: sent }]);
            if let Some(grant) = door.grant() {
                pages.extend([Page::ActingFor { grant }, Page::ActingProfile { grant }]);
            }
            for page in pages {
                assert_eq!(Page::parse(&page.href()), Some(page), "{}", page.href());
            }
        }
    }

    #[test]
    fn each_door_has_its_own_addresses() {
        let id = ConversationId::new(5).unwrap();
        let [patient, caregiver, staff] = doors().map(|door| Page::Conversation { door, id }.href());
        assert_eq!(patient, "/messages/5");
        assert_eq!(caregiver, "/for/7/messages/5");
        assert_eq!(staff, "/staff/conversations/5");
        let file = AttachmentId::new(9).unwrap();
        assert_eq!(Page::File { door: Door::Staff, id: file }.href(), "/staff/files/9");
        assert_eq!(Page::Conversations { door: Door::Staff }.href(), "/staff/inbox");
    }

    #[test]
    fn a_bad_id_or_an_unknown_address_is_no_page() {
        for path in [
            "/messages/0",
            "/messages/abc",
            "/messages/files/-1",
            "/for/0/messages",
            "/for/x/messages/5",
            "/for/0",
            "/for/-3/profile",
            "/staff/conversations/",
            "/staff/files/1/2",
            "/staff/new",
            "/elsewhere",
            "messages",
        ] {
            assert_eq!(Page::parse(path), None, "{path}");
        }
    }
}
