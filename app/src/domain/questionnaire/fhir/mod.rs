//! FHIR R4 on the server only: a small serde model of `Questionnaire` and
//! `QuestionnaireResponse` that keeps every field it does not know (so a definition read from
//! another tool is written back whole), the conversion of a definition both ways
//! (`questionnaire`), and submissions as responses gathered in a Bundle (`response`).
pub mod questionnaire;
pub mod response;

use super::definition::Bilingual;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
pub const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
pub const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
pub const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";
pub const UNIT: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
pub const ITEM_CONTROL: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
pub const ITEM_CONTROL_SYSTEM: &str = "http://hl7.org/fhir/questionnaire-item-control";
pub const CALCULATED_EXPRESSION: &str =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
/// Portail's own: the scoring a definition declares (bands and flag rules have no FHIR element).
pub const SCORING: &str = "urn:portail:fhir:StructureDefinition:scoring";
/// The system of Portail's identifiers of an instrument (`phq-9`).
pub const INSTRUMENT_SYSTEM: &str = "urn:portail:questionnaire";
/// The link id of the total score item added on export.
pub const SCORE_LINK_ID: &str = "portail-score";

fn is_false(b: &Option<bool>) -> bool {
    !b.unwrap_or(false)
}

/// An extension: its url, nested extensions, and its `value[x]` kept as written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extension {
    pub url: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(flatten)]
    pub value: Map<String, Value>,
}

impl Extension {
    pub fn new(url: &str, key: &str, value: Value) -> Self {
        let mut map = Map::new();
        map.insert(key.into(), value);
        Self { url: url.into(), extension: Vec::new(), value: map }
    }

    /// The standard translation extension of a text into `lang`.
    pub fn translation(lang: Lang, content: &str) -> Self {
        Self {
            url: TRANSLATION.into(),
            extension: vec![
                Self::new("lang", "valueCode", Value::String(lang.code().into())),
                Self::new("content", "valueString", Value::String(content.into())),
            ],
            value: Map::new(),
        }
    }

    /// The first `value[x]` it holds.
    pub fn value(&self) -> Option<&Value> {
        self.value.iter().find(|(k, _)| k.starts_with("value")).map(|(_, v)| v)
    }
}

/// The first extension with `url`.
pub fn find<'a>(extensions: &'a [Extension], url: &str) -> Option<&'a Extension> {
    extensions.iter().find(|e| e.url == url)
}

/// The extensions of a primitive (`_text`): where its translations live.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Element {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Element {
    pub fn translated(lang: Lang, content: &str) -> Self {
        Self { extension: vec![Extension::translation(lang, content)], other: Map::new() }
    }

    /// Its translation into `lang`, if any (`en` also matches `en-CA`).
    pub fn translation(&self, lang: Lang) -> Option<&str> {
        self.extension.iter().filter(|e| e.url == TRANSLATION).find_map(|t| {
            let said = find(&t.extension, "lang")?.value()?.as_str()?;
            if said.split('-').next() != Some(lang.code()) {
                return None;
            }
            find(&t.extension, "content")?.value()?.as_str()
        })
    }
}

/// A text in the resource's language with its translation beside it.
pub fn text_of(bilingual: &Bilingual, primary: Lang) -> (Option<String>, Option<Element>) {
    let other = other_language(primary);
    (Some(bilingual.get(primary).to_string()), Some(Element::translated(other, bilingual.get(other))))
}

pub fn other_language(lang: Lang) -> Lang {
    match lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Coding {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    #[serde(default, rename = "_display", skip_serializing_if = "Option::is_none")]
    pub display_element: Option<Element>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Identifier {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    pub resource_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, rename = "_title", skip_serializing_if = "Option::is_none")]
    pub title_element: Option<Element>,
    #[serde(default)]
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, rename = "_description", skip_serializing_if = "Option::is_none")]
    pub description_element: Option<Element>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<Coding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<QuestionnaireItem>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireItem {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(default)]
    pub link_id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<Coding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, rename = "_text", skip_serializing_if = "Option::is_none")]
    pub text_element: Option<Element>,
    #[serde(default, rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enable_when: Vec<EnableWhen>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_behavior: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: Option<bool>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub repeats: Option<bool>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub read_only: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_value_set: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer_option: Vec<AnswerOption>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<QuestionnaireItem>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// `enableWhen`: the question, the operator and its `answer[x]` kept as written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EnableWhen {
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub operator: String,
    #[serde(flatten)]
    pub answer: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerOption {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_coding: Option<Coding>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    pub resource_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questionnaire: Option<String>,
    #[serde(default)]
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authored: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Reference>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseItem {
    pub link_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Each answer's `value[x]` kept as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer: Vec<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    pub resource_type: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<usize>,
    #[serde(default)]
    pub entry: Vec<BundleEntry>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleEntry {
    pub full_url: String,
    pub resource: QuestionnaireResponse,
}
