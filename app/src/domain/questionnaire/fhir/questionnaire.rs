//! A definition as a FHIR R4 `Questionnaire`, both ways. French is the resource's language and
//! English its `translation` extension (or the other way round for a resource written in
//! English); answer weights are `ordinalValue`; a 0–10 scale is a slider with its `lower` and
//! `upper` labels; the total is an extra read-only item carrying the SDC `calculatedExpression`
//! so other form tools compute the same sum. Reading one back names the item of every refusal
//! by its position ("item 3.2").
use super::*;
use crate::domain::questionnaire::definition::{
    AnswerOption as Option_, Behavior, Condition, Definition, Item, Kind, Operator,
};
use crate::domain::questionnaire::Refusal;

/// The definition `version` of an organisation's library as a FHIR Questionnaire.
pub fn export(definition: &Definition, version: i64, retired: bool) -> Questionnaire {
    let primary = Lang::Fr;
    let (title, title_element) = text_of(&definition.title, primary);
    let (description, description_element) = match &definition.instructions {
        Some(instructions) => text_of(instructions, primary),
        None => (None, None),
    };
    let mut item: Vec<QuestionnaireItem> = definition.items.iter().map(|i| export_item(i, primary)).collect();
    let mut extension = Vec::new();
    if let Some(scoring) = &definition.scoring {
        let declared = serde_json::to_string(scoring).unwrap_or_default();
        extension.push(Extension::new(SCORING, "valueString", Value::String(declared)));
        if let Some(total) = &scoring.total {
            item.push(score_item(&total.items));
        }
    }
    Questionnaire {
        resource_type: "Questionnaire".into(),
        id: Some(format!("{}-{version}", definition.key)),
        language: Some("fr-CA".into()),
        extension,
        url: Some(format!("{INSTRUMENT_SYSTEM}:{}", definition.key)),
        identifier: vec![Identifier {
            system: Some(INSTRUMENT_SYSTEM.into()),
            value: Some(definition.key.clone()),
            other: Map::new(),
        }],
        version: Some(version.to_string()),
        title,
        title_element,
        status: (if retired { "retired" } else { "active" }).into(),
        description,
        description_element,
        copyright: definition.source.clone(),
        code: definition
            .code
            .iter()
            .map(|c| Coding {
                system: Some(c.system.clone()),
                code: Some(c.code.clone()),
                ..Default::default()
            })
            .collect(),
        item,
        ..Default::default()
    }
}

/// The total as an item other tools compute: the sum of the answers' weights.
fn score_item(items: &[String]) -> QuestionnaireItem {
    let ids: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    let expression =
        format!("%resource.repeat(item).where(linkId in ({})).answer.value.weight().sum()", ids.join(" | "));
    let mut value = Map::new();
    value.insert(
        "valueExpression".into(),
        serde_json::json!({ "language": "text/fhirpath", "expression": expression }),
    );
    let (text, text_element) =
        text_of(&Bilingual { fr: "Score total".into(), en: "Total score".into() }, Lang::Fr);
    QuestionnaireItem {
        extension: vec![Extension { url: CALCULATED_EXPRESSION.into(), extension: Vec::new(), value }],
        link_id: SCORE_LINK_ID.into(),
        text,
        text_element,
        kind: "integer".into(),
        read_only: Some(true),
        ..Default::default()
    }
}

fn item_control(code: &str) -> Extension {
    Extension::new(
        ITEM_CONTROL,
        "valueCodeableConcept",
        serde_json::json!({ "coding": [{ "system": ITEM_CONTROL_SYSTEM, "code": code }] }),
    )
}

fn control_of(extensions: &[Extension]) -> Option<&str> {
    find(extensions, ITEM_CONTROL)?.value()?.get("coding")?.get(0)?.get("code")?.as_str()
}

fn unit(unit: &Bilingual, primary: Lang) -> Extension {
    let (display, display_element) = text_of(unit, primary);
    let coding = Coding { display, display_element, ..Default::default() };
    Extension::new(UNIT, "valueCoding", serde_json::to_value(coding).unwrap_or_default())
}

fn export_item(item: &Item, primary: Lang) -> QuestionnaireItem {
    let (text, text_element) = text_of(&item.text, primary);
    let mut out = QuestionnaireItem {
        link_id: item.link_id.clone(),
        text,
        text_element,
        required: item.required.then_some(true),
        enable_when: item.enable_when.iter().map(export_condition).collect(),
        enable_behavior: (!item.enable_when.is_empty()).then(|| {
            match item.enable_behavior {
                Behavior::Any => "any",
                Behavior::All => "all",
            }
            .to_string()
        }),
        ..Default::default()
    };
    let bound = |url: &str, key: &str, value: Value| Extension::new(url, key, value);
    out.kind = match &item.kind {
        Kind::Group { items } => {
            out.item = items.iter().map(|i| export_item(i, primary)).collect();
            "group"
        }
        Kind::Display => "display",
        Kind::ShortText => "string",
        Kind::LongText => "text",
        Kind::Choice { options, multiple } => {
            out.repeats = multiple.then_some(true);
            out.answer_option = options.iter().map(|o| export_option(o, primary)).collect();
            "choice"
        }
        Kind::YesNo => "boolean",
        Kind::Integer { min, max, unit: u } => {
            out.extension.extend(min.map(|m| bound(MIN_VALUE, "valueInteger", m.into())));
            out.extension.extend(max.map(|m| bound(MAX_VALUE, "valueInteger", m.into())));
            out.extension.extend(u.as_ref().map(|u| unit(u, primary)));
            "integer"
        }
        Kind::Decimal { min, max, unit: u } => {
            out.extension.extend(min.map(|m| bound(MIN_VALUE, "valueDecimal", m.into())));
            out.extension.extend(max.map(|m| bound(MAX_VALUE, "valueDecimal", m.into())));
            out.extension.extend(u.as_ref().map(|u| unit(u, primary)));
            "decimal"
        }
        Kind::Date => "date",
        Kind::Scale { low, high } => {
            out.extension.push(item_control("slider"));
            out.extension.push(bound(MIN_VALUE, "valueInteger", 0.into()));
            out.extension.push(bound(MAX_VALUE, "valueInteger", 10.into()));
            for (end, label) in [("lower", low), ("upper", high)] {
                let (text, text_element) = text_of(label, primary);
                out.item.push(QuestionnaireItem {
                    extension: vec![item_control(end)],
                    link_id: format!("{}-{end}", item.link_id),
                    text,
                    text_element,
                    kind: "display".into(),
                    ..Default::default()
                });
            }
            "integer"
        }
    }
    .to_string();
    out
}

fn export_option(option: &Option_, primary: Lang) -> AnswerOption {
    let (display, display_element) = text_of(&option.text, primary);
    AnswerOption {
        extension: option
            .weight
            .map(|w| Extension::new(ORDINAL_VALUE, "valueDecimal", w.into()))
            .into_iter()
            .collect(),
        value_coding: Some(Coding {
            code: Some(option.code.clone()),
            display,
            display_element,
            ..Default::default()
        }),
        other: Map::new(),
    }
}

fn export_condition(condition: &Condition) -> EnableWhen {
    let operator = match condition.operator {
        Operator::Equals => "=",
        Operator::NotEquals => "!=",
        Operator::Greater => ">",
        Operator::Less => "<",
        Operator::Exists => "exists",
    };
    let (key, value) = match &condition.answer {
        Value::String(code) => ("answerCoding", serde_json::json!({ "code": code })),
        Value::Bool(b) => ("answerBoolean", Value::Bool(*b)),
        Value::Number(n) if n.is_i64() => ("answerInteger", Value::Number(n.clone())),
        other => ("answerDecimal", other.clone()),
    };
    let mut answer = Map::new();
    answer.insert(key.into(), value);
    EnableWhen { question: condition.question.clone(), operator: operator.into(), answer }
}

/// The largest Questionnaire read, in bytes of JSON: a hundred questions with both languages fit
/// several times over (PHQ-9 is about 20 KB).
pub const IMPORT_MAX: usize = 200_000;

/// Reads a FHIR R4 Questionnaire (JSON) into a definition, or the first thing wrong with it,
/// named by its item's position.
pub fn import(json: &str) -> Result<Definition, Refusal> {
    if json.len() > IMPORT_MAX {
        return Err(Refusal::new("error-fhir-too-large").arg("max", IMPORT_MAX / 1000));
    }
    if json.trim().is_empty() {
        return Err(Refusal::new("error-fhir-empty"));
    }
    let questionnaire: Questionnaire = serde_json::from_str(json)
        .map_err(|e| Refusal::new("error-fhir-json").arg("line", e.line()).arg("column", e.column()))?;
    if questionnaire.resource_type != "Questionnaire" {
        return Err(Refusal::new("error-fhir-resource-type").arg("found", &questionnaire.resource_type));
    }
    let primary = match questionnaire.language.as_deref().map(|l| l.split('-').next().unwrap_or(l)) {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    };
    let key = instrument_key(&questionnaire).ok_or(Refusal::new("error-fhir-no-name"))?;
    let title = bilingual(questionnaire.title.as_deref(), questionnaire.title_element.as_ref(), primary)
        .ok_or_else(|| Refusal::new("error-fhir-title"))?;
    let instructions = match questionnaire.description.as_deref() {
        Some(_) => Some(
            bilingual(
                questionnaire.description.as_deref(),
                questionnaire.description_element.as_ref(),
                primary,
            )
            .ok_or_else(|| Refusal::new("error-fhir-description"))?,
        ),
        None => None,
    };
    let scoring = match find(&questionnaire.extension, SCORING).and_then(Extension::value) {
        Some(Value::String(declared)) => {
            Some(serde_json::from_str(declared).map_err(|_| Refusal::new("error-fhir-scoring"))?)
        }
        _ => None,
    };
    let mut known = Vec::new();
    collect_link_ids(&questionnaire.item, &mut known);
    let mut items = Vec::new();
    for (i, item) in questionnaire.item.iter().enumerate() {
        if is_score_item(item) {
            continue;
        }
        items.push(import_item(item, &(i + 1).to_string(), primary, &known)?);
    }
    if items.is_empty() {
        return Err(Refusal::new("error-fhir-no-items"));
    }
    let definition = Definition {
        key,
        title,
        instructions,
        code: questionnaire.code.iter().find_map(|c| {
            Some(crate::domain::questionnaire::definition::Coding {
                system: c.system.clone()?,
                code: c.code.clone()?,
            })
        }),
        source: questionnaire.copyright.clone(),
        items,
        scoring,
    };
    definition.check().map_err(|refusal| at_position(&definition, refusal))?;
    Ok(definition)
}

/// The rules a definition keeps, refused with the position of the item in question.
fn at_position(definition: &Definition, refusal: Refusal) -> Refusal {
    let key = match refusal.key {
        "error-questionnaire-link-id" => "error-fhir-link-id",
        "error-questionnaire-condition" => "error-fhir-condition-later",
        "error-questionnaire-options" => "error-fhir-options",
        "error-questionnaire-empty-group" => "error-fhir-empty-group",
        "error-questionnaire-scoring" => "error-fhir-scoring-item",
        _ => "error-fhir-definition",
    };
    let link = refusal.item.clone().unwrap_or_default();
    Refusal::new(key)
        .arg("item", position(&definition.items, &link).unwrap_or_else(|| link.clone()))
        .arg("link", link)
}

/// "3.2": where the item with `link_id` is, counting from 1 at each level.
fn position(items: &[Item], link_id: &str) -> Option<String> {
    items.iter().enumerate().find_map(|(i, item)| {
        if item.link_id == link_id {
            return Some((i + 1).to_string());
        }
        position(item.children(), link_id).map(|inner| format!("{}.{inner}", i + 1))
    })
}

fn collect_link_ids(items: &[QuestionnaireItem], out: &mut Vec<String>) {
    for item in items {
        out.push(item.link_id.clone());
        collect_link_ids(&item.item, out);
    }
}

fn is_score_item(item: &QuestionnaireItem) -> bool {
    item.read_only == Some(true) && find(&item.extension, CALCULATED_EXPRESSION).is_some()
}

/// Portail's identifier, else the name, else the id, as a key of letters, digits and dashes.
fn instrument_key(questionnaire: &Questionnaire) -> Option<String> {
    let ours = questionnaire
        .identifier
        .iter()
        .find(|i| i.system.as_deref() == Some(INSTRUMENT_SYSTEM))
        .and_then(|i| i.value.clone());
    let raw = ours.or(questionnaire.name.clone()).or(questionnaire.id.clone())?;
    let key: String = raw
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    (!key.is_empty()).then(|| key.chars().take(60).collect())
}

/// The text and its translation, or `None` when either is missing.
fn bilingual(text: Option<&str>, element: Option<&Element>, primary: Lang) -> Option<Bilingual> {
    let first = text.map(str::trim).filter(|t| !t.is_empty())?.to_string();
    let second = element?.translation(other_language(primary)).map(str::trim).filter(|t| !t.is_empty())?;
    Some(match primary {
        Lang::Fr => Bilingual { fr: first, en: second.into() },
        Lang::En => Bilingual { fr: second.into(), en: first },
    })
}

fn import_item(item: &QuestionnaireItem, at: &str, primary: Lang, known: &[String]) -> Result<Item, Refusal> {
    let refused = |key: &'static str| Refusal::new(key).arg("item", at).arg("link", &item.link_id);
    if item.link_id.trim().is_empty() {
        return Err(refused("error-fhir-no-link-id"));
    }
    let text = match item.kind.as_str() {
        // A group may have no text of its own; a question must.
        "group" if item.text.is_none() => Bilingual { fr: String::new(), en: String::new() },
        _ => bilingual(item.text.as_deref(), item.text_element.as_ref(), primary).ok_or_else(|| {
            let missing = if item.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
                other_language(primary)
            } else {
                primary
            };
            refused("error-fhir-translation").arg("lang", missing.code())
        })?,
    };
    let number = |url: &str| find(&item.extension, url).and_then(Extension::value).cloned();
    let unit = match find(&item.extension, UNIT).and_then(Extension::value) {
        Some(coding) => {
            let coding: Coding =
                serde_json::from_value(coding.clone()).map_err(|_| refused("error-fhir-unit"))?;
            Some(
                bilingual(coding.display.as_deref(), coding.display_element.as_ref(), primary)
                    .ok_or_else(|| refused("error-fhir-unit"))?,
            )
        }
        None => None,
    };
    let questions: Vec<&QuestionnaireItem> =
        item.item.iter().filter(|child| control_of(&child.extension).is_none()).collect();
    let label = |end: &str| {
        item.item
            .iter()
            .find(|child| control_of(&child.extension) == Some(end))
            .and_then(|child| bilingual(child.text.as_deref(), child.text_element.as_ref(), primary))
    };
    if item.kind != "group" && !questions.is_empty() {
        return Err(refused("error-fhir-nested"));
    }
    let kind = match item.kind.as_str() {
        "group" => {
            let mut items = Vec::new();
            for (i, child) in item.item.iter().enumerate() {
                items.push(import_item(child, &format!("{at}.{}", i + 1), primary, known)?);
            }
            Kind::Group { items }
        }
        "display" => Kind::Display,
        "string" => Kind::ShortText,
        "text" => Kind::LongText,
        "boolean" => Kind::YesNo,
        "date" => Kind::Date,
        "choice" => {
            if item.answer_value_set.is_some() && item.answer_option.is_empty() {
                return Err(refused("error-fhir-value-set"));
            }
            let mut options = Vec::new();
            for option in &item.answer_option {
                let coding = option.value_coding.as_ref().ok_or_else(|| refused("error-fhir-option"))?;
                let code = coding
                    .code
                    .clone()
                    .filter(|c| !c.trim().is_empty())
                    .ok_or_else(|| refused("error-fhir-option"))?;
                let text = bilingual(coding.display.as_deref(), coding.display_element.as_ref(), primary)
                    .ok_or_else(|| refused("error-fhir-option-translation").arg("code", &code))?;
                let weight = match find(&option.extension, ORDINAL_VALUE).and_then(Extension::value) {
                    Some(w) => Some(
                        w.as_f64()
                            .filter(|w| w.fract() == 0.0)
                            .map(|w| w as i64)
                            .ok_or_else(|| refused("error-fhir-weight").arg("code", &code))?,
                    ),
                    None => None,
                };
                options.push(Option_ { code, text, weight });
            }
            Kind::Choice { options, multiple: item.repeats == Some(true) }
        }
        "integer" => {
            let (min, max) =
                (number(MIN_VALUE).and_then(|v| v.as_i64()), number(MAX_VALUE).and_then(|v| v.as_i64()));
            let slider = control_of(&item.extension) == Some("slider");
            match (slider, label("lower"), label("upper")) {
                (true, Some(low), Some(high)) if min == Some(0) && max == Some(10) => {
                    Kind::Scale { low, high }
                }
                (true, _, _) => return Err(refused("error-fhir-scale")),
                _ => Kind::Integer { min, max, unit },
            }
        }
        "decimal" => Kind::Decimal {
            min: number(MIN_VALUE).and_then(|v| v.as_f64()),
            max: number(MAX_VALUE).and_then(|v| v.as_f64()),
            unit,
        },
        other => return Err(refused("error-fhir-type").arg("type", other)),
    };
    let mut enable_when = Vec::new();
    for condition in &item.enable_when {
        if !known.contains(&condition.question) {
            return Err(refused("error-fhir-unknown-link").arg("question", &condition.question));
        }
        enable_when.push(import_condition(condition).ok_or_else(|| refused("error-fhir-enable-when"))?);
    }
    Ok(Item {
        link_id: item.link_id.clone(),
        text,
        kind,
        required: item.required == Some(true),
        enable_when,
        enable_behavior: match item.enable_behavior.as_deref() {
            Some("any") => Behavior::Any,
            _ => Behavior::All,
        },
    })
}

fn import_condition(condition: &EnableWhen) -> Option<Condition> {
    let operator = match condition.operator.as_str() {
        "=" => Operator::Equals,
        "!=" => Operator::NotEquals,
        ">" | ">=" => Operator::Greater,
        "<" | "<=" => Operator::Less,
        "exists" => Operator::Exists,
        _ => return None,
    };
    if matches!(condition.operator.as_str(), ">=" | "<=") {
        return None;
    }
    let (key, value) = condition.answer.iter().find(|(k, _)| k.starts_with("answer"))?;
    let answer = match key.as_str() {
        "answerCoding" => Value::String(value.get("code")?.as_str()?.to_string()),
        "answerBoolean" | "answerInteger" | "answerDecimal" | "answerString" | "answerDate" => value.clone(),
        _ => return None,
    };
    Some(Condition { question: condition.question.clone(), operator, answer })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::questionnaire::library::shipped;

    #[test]
    fn the_shipped_instruments_go_out_and_come_back_the_same() {
        for instrument in ["phq-9", "gad-7", "esas-r"] {
            let definition = shipped(instrument).unwrap();
            let json = serde_json::to_string(&export(&definition, 3, false)).unwrap();
            assert_eq!(import(&json).unwrap(), definition, "{instrument}");
        }
    }

    #[test]
    fn the_export_speaks_fhir() {
        let phq9 = serde_json::to_value(export(&shipped("phq-9").unwrap(), 1, false)).unwrap();
        assert_eq!(phq9["resourceType"], "Questionnaire");
        assert_eq!(phq9["code"][0]["code"], "44249-1");
        assert_eq!(phq9["code"][0]["system"], "http://loinc.org");
        assert_eq!(phq9["status"], "active");
        assert_eq!(phq9["_title"]["extension"][0]["url"], TRANSLATION);
        let first = &phq9["item"][0]["item"][0];
        assert_eq!(first["type"], "choice");
        assert_eq!(first["required"], true);
        let weights: Vec<f64> = first["answerOption"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["extension"][0]["valueDecimal"].as_f64().unwrap())
            .collect();
        // The instrument: "nearly every day" weighs 3 (not the SDC example's value).
        assert_eq!(weights, [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(first["answerOption"][0]["extension"][0]["url"], ORDINAL_VALUE);
        let score = phq9["item"].as_array().unwrap().last().unwrap();
        assert_eq!(score["readOnly"], true);
        assert_eq!(score["extension"][0]["url"], CALCULATED_EXPRESSION);
        let expression = score["extension"][0]["valueExpression"]["expression"].as_str().unwrap();
        assert!(expression.contains("'q9'") && expression.ends_with("weight().sum()"), "{expression}");
        let esas = serde_json::to_value(export(&shipped("esas-r").unwrap(), 1, true)).unwrap();
        assert_eq!(esas["status"], "retired");
        let pain = &esas["item"][0]["item"][0];
        assert_eq!(pain["type"], "integer");
        assert_eq!(pain["item"][0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"], "lower");
    }

    /// An R4 Questionnaire as other tools write it (English first, unknown fields, a value-set
    /// free choice, decimal with unit, multiple choice, `any`): read, and what Portail does not
    /// know written back untouched.
    const WRITTEN_ELSEWHERE: &str = r#"{
      "resourceType": "Questionnaire",
      "id": "follow-up",
      "meta": { "profile": ["http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"] },
      "language": "en",
      "url": "http://example.org/Questionnaire/follow-up",
      "name": "FollowUp",
      "title": "Follow-up",
      "_title": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
        "extension": [{ "url": "lang", "valueCode": "fr-CA" }, { "url": "content", "valueString": "Suivi" }] }] },
      "status": "active",
      "subjectType": ["Patient"],
      "date": "2026-11-30",
      "item": [{
        "linkId": "1",
        "type": "group",
        "text": "About you",
        "_text": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
          "extension": [{ "url": "lang", "valueCode": "fr" }, { "url": "content", "valueString": "Vous" }] }] },
        "item": [
          { "linkId": "1.1", "type": "boolean", "text": "Did you fall?", "required": true, "prefix": "a",
            "_text": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
              "extension": [{ "url": "lang", "valueCode": "fr" }, { "url": "content", "valueString": "Êtes-vous tombé?" }] }] } },
          { "linkId": "1.2", "type": "decimal", "text": "Weight",
            "_text": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
              "extension": [{ "url": "lang", "valueCode": "fr" }, { "url": "content", "valueString": "Poids" }] }] },
            "extension": [
              { "url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueDecimal": 20.5 },
              { "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
                "valueCoding": { "system": "http://unitsofmeasure.org", "code": "kg", "display": "kg",
                  "_display": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
                    "extension": [{ "url": "lang", "valueCode": "fr" }, { "url": "content", "valueString": "kg" }] }] } } }],
            "enableWhen": [{ "question": "1.1", "operator": "exists", "answerBoolean": true },
                           { "question": "1.1", "operator": "=", "answerBoolean": true }],
            "enableBehavior": "any" },
          { "linkId": "1.3", "type": "choice", "repeats": true, "text": "Where?",
            "_text": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
              "extension": [{ "url": "lang", "valueCode": "fr" }, { "url": "content", "valueString": "Où?" }] }] },
            "answerOption": [
              { "valueCoding": { "code": "home", "display": "At home",
                "_display": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
                  "extension": [{ "url": "lang", "valueCode": "fr" }, { "url": "content", "valueString": "À la maison" }] }] } } },
              { "valueCoding": { "code": "out", "display": "Outside",
                "_display": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
                  "extension": [{ "url": "lang", "valueCode": "fr" }, { "url": "content", "valueString": "Dehors" }] }] } } }] }
        ]
      }]
    }"#;

    #[test]
    fn a_questionnaire_written_elsewhere_is_read_and_what_is_unknown_is_kept() {
        let definition = import(WRITTEN_ELSEWHERE).unwrap();
        assert_eq!(definition.key, "followup");
        assert_eq!(definition.title, Bilingual { fr: "Suivi".into(), en: "Follow-up".into() });
        let weight = definition.item("1.2").unwrap();
        assert_eq!(weight.enable_behavior, Behavior::Any);
        assert_eq!(weight.enable_when.len(), 2);
        assert!(
            matches!(&weight.kind, Kind::Decimal { min: Some(m), unit: Some(u), .. } if *m == 20.5 && u.fr == "kg")
        );
        assert!(
            matches!(&definition.item("1.3").unwrap().kind, Kind::Choice { multiple: true, options } if options[0].text.fr == "À la maison")
        );
        // The model keeps every field it does not know: read and written back, the same JSON.
        let read: Questionnaire = serde_json::from_str(WRITTEN_ELSEWHERE).unwrap();
        let original: Value = serde_json::from_str(WRITTEN_ELSEWHERE).unwrap();
        assert_eq!(serde_json::to_value(&read).unwrap(), original);
    }

    fn refusal(json: &str) -> (String, Vec<(&'static str, String)>) {
        let refused = import(json).unwrap_err();
        (refused.key.to_string(), refused.args)
    }

    #[test]
    fn import_errors_name_the_item_by_its_position() {
        let unknown = WRITTEN_ELSEWHERE
            .replace(r#""question": "1.1", "operator": "=""#, r#""question": "q7", "operator": "=""#);
        let (key, args) = refusal(&unknown);
        assert_eq!(key, "error-fhir-unknown-link");
        assert!(
            args.contains(&("item", "1.2".into())) && args.contains(&("question", "q7".into())),
            "{args:?}"
        );

        let untranslated = WRITTEN_ELSEWHERE.replace(r#""valueString": "Poids""#, r#""valueString": """#);
        let (key, args) = refusal(&untranslated);
        assert_eq!(key, "error-fhir-translation");
        assert!(args.contains(&("item", "1.2".into())) && args.contains(&("lang", "fr".into())), "{args:?}");

        let later = WRITTEN_ELSEWHERE.replace(
            r#""question": "1.1", "operator": "exists""#,
            r#""question": "1.3", "operator": "exists""#,
        );
        let (key, args) = refusal(&later);
        assert_eq!(key, "error-fhir-condition-later");
        assert!(args.contains(&("item", "1.2".into())), "{args:?}");

        let twice = WRITTEN_ELSEWHERE.replace(r#""linkId": "1.3""#, r#""linkId": "1.1""#);
        assert_eq!(refusal(&twice).0, "error-fhir-link-id");

        let odd = WRITTEN_ELSEWHERE.replace(r#""type": "decimal""#, r#""type": "attachment""#);
        let (key, args) = refusal(&odd);
        assert_eq!(key, "error-fhir-type");
        assert!(args.contains(&("type", "attachment".into())));

        assert_eq!(refusal("{ not json").0, "error-fhir-json");
        assert_eq!(refusal(r#"{"resourceType": "Patient"}"#).0, "error-fhir-resource-type");
        let no_options = WRITTEN_ELSEWHERE.replace(r#""code": "out""#, r#""code": "home""#);
        assert_eq!(refusal(&no_options).0, "error-fhir-options");
        let value_set = r##"{"resourceType":"Questionnaire","id":"x","title":"T","_title":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[{"url":"lang","valueCode":"en"},{"url":"content","valueString":"T"}]}]},
          "status":"active","item":[{"linkId":"a","type":"choice","text":"Q","_text":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[{"url":"lang","valueCode":"en"},{"url":"content","valueString":"Q"}]}]},"answerValueSet":"#vs"}]}"##;
        let (key, args) = refusal(value_set);
        assert_eq!(key, "error-fhir-value-set");
        assert!(args.contains(&("item", "1".into())));
    }
}
