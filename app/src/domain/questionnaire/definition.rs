//! A questionnaire as the care team writes it: bilingual texts, items of a few kinds grouped in
//! sections, conditions on earlier answers (`enableWhen`), and scoring declared in the definition
//! (answer weights, the sum of items, bands, flag rules). Stored as JSON, one row per version.
use super::Refusal;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A text in both languages: every text a patient reads exists in French and in English.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bilingual {
    pub fr: String,
    pub en: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// A code from a terminology (LOINC for the scored instruments).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coding {
    pub system: String,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Definition {
    /// Stable across versions (`phq-9`): the same instrument over time.
    pub key: String,
    pub title: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Coding>,
    /// The published version reproduced, its terms of use, and what could not be checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The sections: each a group of items, filled one at a time.
    pub items: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub link_id: String,
    pub text: Bilingual,
    #[serde(flatten)]
    pub kind: Kind,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enable_when: Vec<Condition>,
    #[serde(default)]
    pub enable_behavior: Behavior,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Kind {
    Group {
        items: Vec<Item>,
    },
    /// Text to read, no answer.
    Display,
    ShortText,
    LongText,
    Choice {
        options: Vec<AnswerOption>,
        #[serde(default)]
        multiple: bool,
    },
    YesNo,
    Integer {
        #[serde(default)]
        min: Option<i64>,
        #[serde(default)]
        max: Option<i64>,
        #[serde(default)]
        unit: Option<Bilingual>,
    },
    Decimal {
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
        #[serde(default)]
        unit: Option<Bilingual>,
    },
    Date,
    /// 0 to 10, each end labelled.
    Scale {
        low: Bilingual,
        high: Bilingual,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerOption {
    pub code: String,
    pub text: Bilingual,
    /// What the answer counts for in a score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
}

/// `enableWhen`: the item is asked only when an earlier answer matches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub question: String,
    pub operator: Operator,
    /// A choice's code, `true`/`false`, or a number; for `exists`, whether it must exist.
    pub answer: serde_json::Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Operator {
    #[serde(rename = "=")]
    Equals,
    #[serde(rename = "!=")]
    NotEquals,
    #[serde(rename = ">")]
    Greater,
    #[serde(rename = "<")]
    Less,
    #[serde(rename = "exists")]
    Exists,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Behavior {
    Any,
    #[default]
    All,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scoring {
    /// The sum of these items' values, and the band it falls in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Banded>,
    /// Each of these items banded on its own (ESAS-r's symptoms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_item: Option<Banded>,
    /// An answer above a value raises a flag whatever the total (PHQ-9's item 9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<FlagRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Banded {
    pub items: Vec<String>,
    pub bands: Vec<Band>,
}

/// `from` to `to`, both included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub from: i64,
    pub to: i64,
    pub label: Bilingual,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlagRule {
    pub item: String,
    pub above: i64,
    pub label: Bilingual,
}

impl Item {
    /// Whether the item takes an answer (not a section, not text to read).
    pub fn answerable(&self) -> bool {
        !matches!(self.kind, Kind::Group { .. } | Kind::Display)
    }

    /// A section's or group's items.
    pub fn children(&self) -> &[Item] {
        match &self.kind {
            Kind::Group { items } => items,
            _ => &[],
        }
    }
}

impl Definition {
    pub fn parse(json: &str) -> Result<Self, Refusal> {
        let definition: Self =
            serde_json::from_str(json).map_err(|_| Refusal::new("error-questionnaire-definition"))?;
        definition.check()?;
        Ok(definition)
    }

    /// Every item, depth first, in the order a person meets them.
    pub fn all_items(&self) -> Vec<&Item> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
            for item in items {
                out.push(item);
                walk(item.children(), out);
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut out);
        out
    }

    /// The items of section `index` that take an answer, depth first.
    pub fn section_questions(&self, index: usize) -> Vec<&Item> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
            for item in items {
                if item.answerable() {
                    out.push(item);
                }
                walk(item.children(), out);
            }
        }
        let mut out = Vec::new();
        if let Some(section) = self.items.get(index) {
            if section.answerable() {
                out.push(section);
            }
            walk(section.children(), &mut out);
        }
        out
    }

    pub fn questions(&self) -> Vec<&Item> {
        self.all_items().into_iter().filter(|i| i.answerable()).collect()
    }

    pub fn item(&self, link_id: &str) -> Option<&Item> {
        self.all_items().into_iter().find(|i| i.link_id == link_id)
    }

    /// The section an item is in.
    pub fn section_of(&self, link_id: &str) -> Option<usize> {
        self.items.iter().position(|section| {
            section.link_id == link_id || {
                let mut found = false;
                fn walk(items: &[Item], link_id: &str, found: &mut bool) {
                    for item in items {
                        *found |= item.link_id == link_id;
                        walk(item.children(), link_id, found);
                    }
                }
                walk(section.children(), link_id, &mut found);
                found
            }
        })
    }

    /// The rules a definition keeps, each refused with the item it is about: unique link ids,
    /// conditions on earlier questions only, choices with options, scores over scored items.
    pub fn check(&self) -> Result<(), Refusal> {
        self.check_rules(true)
    }

    /// The same rules on a draft being built, which may still be empty or have an empty section.
    pub fn check_draft(&self) -> Result<(), Refusal> {
        self.check_rules(false)
    }

    fn check_rules(&self, complete: bool) -> Result<(), Refusal> {
        let wrong = |key: &'static str, link_id: &str| Refusal::new(key).about(link_id);
        if self.key.trim().is_empty() || (complete && self.items.is_empty()) {
            return Err(Refusal::new("error-questionnaire-definition"));
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for item in self.all_items() {
            if item.link_id.trim().is_empty() || !seen.insert(&item.link_id) {
                return Err(wrong("error-questionnaire-link-id", &item.link_id));
            }
            for condition in &item.enable_when {
                let earlier =
                    seen.contains(condition.question.as_str()) && condition.question != item.link_id;
                if !earlier || !self.item(&condition.question).is_some_and(Item::answerable) {
                    return Err(wrong("error-questionnaire-condition", &item.link_id));
                }
            }
            match &item.kind {
                Kind::Choice { options, .. } => {
                    let codes: HashSet<&str> = options.iter().map(|o| o.code.as_str()).collect();
                    if options.is_empty() || codes.len() != options.len() {
                        return Err(wrong("error-questionnaire-options", &item.link_id));
                    }
                }
                Kind::Group { items } if complete && items.is_empty() => {
                    return Err(wrong("error-questionnaire-empty-group", &item.link_id))
                }
                _ => {}
            }
        }
        if let Some(scoring) = &self.scoring {
            let banded = scoring.total.iter().chain(scoring.per_item.iter());
            let scored = banded.flat_map(|b| b.items.iter()).chain(scoring.flags.iter().map(|f| &f.item));
            for link_id in scored {
                let scorable = self.item(link_id).is_some_and(|item| match &item.kind {
                    Kind::Choice { options, multiple: false } => options.iter().all(|o| o.weight.is_some()),
                    Kind::Scale { .. } | Kind::Integer { .. } | Kind::YesNo => true,
                    _ => false,
                });
                if !scorable {
                    return Err(wrong("error-questionnaire-scoring", link_id));
                }
            }
        }
        Ok(())
    }
}
