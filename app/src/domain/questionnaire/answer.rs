//! Answers: read from a posted form item by item, checked against the item's kind, and the
//! conditions (`enableWhen`) that decide which items are asked given the answers so far.
use super::definition::{Behavior, Condition, Definition, Item, Kind, Operator};
use super::Refusal;
use crate::domain::calendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Short answers fit on a line; long ones are a few paragraphs.
pub const SHORT_TEXT_MAX: usize = 500;
pub const LONG_TEXT_MAX: usize = 5_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    Text(String),
    /// The options chosen (one for a single choice).
    Codes(Vec<String>),
    Yes(bool),
    Number(f64),
    Date(NaiveDate),
}

/// A submission's answers by link id.
pub type Answers = BTreeMap<String, Answer>;

/// The form field of a multiple choice's box for `code`.
pub fn box_field(link_id: &str, code: &str) -> String {
    format!("{link_id}/{code}")
}

/// What was posted for `item`, checked: `None` when left empty. The fields are named by link id
/// (a multiple choice's boxes by `box_field`).
pub fn read(item: &Item, posted: &HashMap<String, String>) -> Result<Option<Answer>, Refusal> {
    let typed = posted.get(&item.link_id).map(|t| t.trim()).unwrap_or_default();
    let refused = |key: &'static str| Refusal::new(key).about(&item.link_id);
    if typed.is_empty() && !matches!(item.kind, Kind::Choice { multiple: true, .. }) {
        return Ok(None);
    }
    let answer = match &item.kind {
        Kind::Group { .. } | Kind::Display => return Ok(None),
        Kind::ShortText | Kind::LongText => {
            let max = if item.kind == Kind::ShortText { SHORT_TEXT_MAX } else { LONG_TEXT_MAX };
            if typed.chars().count() > max {
                return Err(refused("error-answer-too-long").arg("max", max));
            }
            Answer::Text(typed.to_string())
        }
        Kind::Choice { options, multiple: false } => {
            if !options.iter().any(|o| o.code == typed) {
                return Err(refused("error-answer-choice"));
            }
            Answer::Codes(vec![typed.to_string()])
        }
        Kind::Choice { options, multiple: true } => {
            let codes: Vec<String> = options
                .iter()
                .filter(|o| posted.contains_key(&box_field(&item.link_id, &o.code)))
                .map(|o| o.code.clone())
                .collect();
            if codes.is_empty() {
                return Ok(None);
            }
            Answer::Codes(codes)
        }
        Kind::YesNo => match typed {
            "yes" => Answer::Yes(true),
            "no" => Answer::Yes(false),
            _ => return Err(refused("error-answer-choice")),
        },
        Kind::Integer { min, max, .. } => {
            let number: i64 =
                without_spaces(typed).parse().map_err(|_| refused("error-answer-whole-number"))?;
            in_range(number as f64, min.map(|m| m as f64), max.map(|m| m as f64))
                .map_err(|r| r.about(&item.link_id))?;
            Answer::Number(number as f64)
        }
        Kind::Decimal { min, max, .. } => {
            let number: f64 = without_spaces(typed)
                .replace(',', ".")
                .parse()
                .ok()
                .filter(|n: &f64| n.is_finite())
                .ok_or_else(|| refused("error-answer-number"))?;
            in_range(number, *min, *max).map_err(|r| r.about(&item.link_id))?;
            Answer::Number(number)
        }
        Kind::Date => Answer::Date(calendar::typed_date(typed).ok_or_else(|| refused("error-answer-date"))?),
        Kind::Scale { .. } => {
            let number: i64 = typed.parse().map_err(|_| refused("error-answer-choice"))?;
            in_range(number as f64, Some(0.0), Some(10.0)).map_err(|r| r.about(&item.link_id))?;
            Answer::Number(number as f64)
        }
    };
    Ok(Some(answer))
}

fn without_spaces(typed: &str) -> String {
    typed.chars().filter(|c| !c.is_whitespace()).collect()
}

fn in_range(number: f64, min: Option<f64>, max: Option<f64>) -> Result<(), Refusal> {
    let below = min.is_some_and(|m| number < m);
    let above = max.is_some_and(|m| number > m);
    if below || above {
        let shown = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_else(|| "…".into());
        return Err(Refusal::new("error-answer-range").arg("min", shown(min)).arg("max", shown(max)));
    }
    Ok(())
}

/// What an answer counts for in a score: a choice's weight, a number's value, yes as 1.
pub fn value(item: &Item, answer: &Answer) -> Option<i64> {
    match (&item.kind, answer) {
        (Kind::Choice { options, .. }, Answer::Codes(codes)) => {
            let weights: Option<Vec<i64>> =
                codes.iter().map(|c| options.iter().find(|o| &o.code == c).and_then(|o| o.weight)).collect();
            weights.map(|w| w.iter().sum())
        }
        (_, Answer::Number(n)) => Some(n.round() as i64),
        (_, Answer::Yes(yes)) => Some(i64::from(*yes)),
        _ => None,
    }
}

/// The items not asked given `answers`: those whose conditions fail, and everything inside a
/// group not asked. An answer to an item not asked counts as no answer.
pub fn not_asked(definition: &Definition, answers: &Answers) -> HashSet<String> {
    fn walk(items: &[Item], parent_asked: bool, answers: &Answers, skipped: &mut HashSet<String>) {
        for item in items {
            let asked = parent_asked && asked(item, answers, skipped);
            if !asked {
                skipped.insert(item.link_id.clone());
            }
            walk(item.children(), asked, answers, skipped);
        }
    }
    let mut skipped = HashSet::new();
    walk(&definition.items, true, answers, &mut skipped);
    skipped
}

fn asked(item: &Item, answers: &Answers, skipped: &HashSet<String>) -> bool {
    if item.enable_when.is_empty() {
        return true;
    }
    let mut results = item.enable_when.iter().map(|condition| {
        let answer =
            (!skipped.contains(&condition.question)).then(|| answers.get(&condition.question)).flatten();
        holds(condition, answer)
    });
    match item.enable_behavior {
        Behavior::All => results.all(|r| r),
        Behavior::Any => results.any(|r| r),
    }
}

/// One condition against the answer given (FHIR's rules: `!=` holds when nothing matches,
/// including no answer; `>` and `<` compare numbers).
pub fn holds(condition: &Condition, answer: Option<&Answer>) -> bool {
    use serde_json::Value;
    let expected = &condition.answer;
    let equals = |answer: &Answer| match (answer, expected) {
        (Answer::Codes(codes), Value::String(code)) => codes.contains(code),
        (Answer::Text(text), Value::String(wanted)) => text == wanted,
        (Answer::Yes(yes), Value::Bool(wanted)) => yes == wanted,
        (Answer::Number(n), Value::Number(wanted)) => wanted.as_f64() == Some(*n),
        (Answer::Date(date), Value::String(wanted)) => calendar::stored_date(wanted) == Some(*date),
        _ => false,
    };
    let compare = |answer: &Answer| match (answer, expected.as_f64()) {
        (Answer::Number(n), Some(wanted)) => n.partial_cmp(&wanted),
        (Answer::Date(date), None) => expected.as_str().and_then(calendar::stored_date).map(|w| date.cmp(&w)),
        _ => None,
    };
    match condition.operator {
        Operator::Exists => answer.is_some() == expected.as_bool().unwrap_or(true),
        Operator::Equals => answer.is_some_and(equals),
        Operator::NotEquals => !answer.is_some_and(equals),
        Operator::Greater => answer.and_then(compare) == Some(std::cmp::Ordering::Greater),
        Operator::Less => answer.and_then(compare) == Some(std::cmp::Ordering::Less),
    }
}

/// The questions asked that have no answer though required, in the order they are met.
pub fn missing_required<'a>(definition: &'a Definition, answers: &Answers) -> Vec<&'a Item> {
    let skipped = not_asked(definition, answers);
    definition
        .questions()
        .into_iter()
        .filter(|item| {
            item.required && !skipped.contains(&item.link_id) && !answers.contains_key(&item.link_id)
        })
        .collect()
}

/// How an answer reads in a list of answers.
pub fn in_words(item: &Item, answer: &Answer, lang: crate::i18n::Lang) -> String {
    match (&item.kind, answer) {
        (Kind::Choice { options, .. }, Answer::Codes(codes)) => codes
            .iter()
            .map(|c| options.iter().find(|o| &o.code == c).map_or(c.as_str(), |o| o.text.get(lang)))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Answer::Text(text)) => text.clone(),
        (_, Answer::Yes(yes)) => crate::i18n::text(lang, if *yes { "yes" } else { "no" }),
        (
            Kind::Integer { unit: Some(unit), .. } | Kind::Decimal { unit: Some(unit), .. },
            Answer::Number(n),
        ) => {
            format!("{n} {}", unit.get(lang))
        }
        (_, Answer::Number(n)) => n.to_string(),
        (_, Answer::Date(date)) => crate::i18n::long_date(lang, *date),
        (_, Answer::Codes(codes)) => codes.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::questionnaire::definition::{AnswerOption, Bilingual};
    use serde_json::json;

    fn text(s: &str) -> Bilingual {
        Bilingual { fr: s.into(), en: s.into() }
    }

    fn item(link_id: &str, kind: Kind) -> Item {
        Item {
            link_id: link_id.into(),
            text: text(link_id),
            kind,
            required: false,
            enable_when: vec![],
            enable_behavior: Behavior::All,
        }
    }

    fn posted(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn choice(link_id: &str, multiple: bool) -> Item {
        let options = ["a", "b", "c"]
            .iter()
            .enumerate()
            .map(|(i, c)| AnswerOption { code: c.to_string(), text: text(c), weight: Some(i as i64) })
            .collect();
        item(link_id, Kind::Choice { options, multiple })
    }

    #[test]
    fn a_posted_answer_is_checked_against_its_kind() {
        let age = item("age", Kind::Integer { min: Some(0), max: Some(120), unit: None });
        assert_eq!(read(&age, &posted(&[("age", " 4 2 ")])).unwrap(), Some(Answer::Number(42.0)));
        assert_eq!(read(&age, &posted(&[("age", "")])).unwrap(), None);
        assert_eq!(read(&age, &posted(&[])).unwrap(), None);
        let refused = read(&age, &posted(&[("age", "121")])).unwrap_err();
        assert_eq!((refused.key, refused.item.as_deref()), ("error-answer-range", Some("age")));
        assert_eq!(read(&age, &posted(&[("age", "4.5")])).unwrap_err().key, "error-answer-whole-number");

        let weight = item("kg", Kind::Decimal { min: Some(0.5), max: None, unit: None });
        assert_eq!(read(&weight, &posted(&[("kg", "72,5")])).unwrap(), Some(Answer::Number(72.5)));
        assert_eq!(read(&weight, &posted(&[("kg", "0,4")])).unwrap_err().key, "error-answer-range");
        assert_eq!(read(&weight, &posted(&[("kg", "NaN")])).unwrap_err().key, "error-answer-number");

        let single = choice("c1", false);
        assert_eq!(read(&single, &posted(&[("c1", "b")])).unwrap(), Some(Answer::Codes(vec!["b".into()])));
        assert_eq!(read(&single, &posted(&[("c1", "z")])).unwrap_err().key, "error-answer-choice");
        let many = choice("c2", true);
        assert_eq!(
            read(&many, &posted(&[("c2/a", "on"), ("c2/c", "on"), ("c2/z", "on")])).unwrap(),
            Some(Answer::Codes(vec!["a".into(), "c".into()]))
        );
        assert_eq!(read(&many, &posted(&[])).unwrap(), None);

        let scale = item("pain", Kind::Scale { low: text("none"), high: text("worst") });
        assert_eq!(read(&scale, &posted(&[("pain", "10")])).unwrap(), Some(Answer::Number(10.0)));
        assert_eq!(read(&scale, &posted(&[("pain", "11")])).unwrap_err().key, "error-answer-range");

        let when = item("on", Kind::Date);
        assert_eq!(
            read(&when, &posted(&[("on", "29/02/2024")])).unwrap(),
            Some(Answer::Date(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()))
        );
        assert_eq!(read(&when, &posted(&[("on", "31/02/2024")])).unwrap_err().key, "error-answer-date");

        let yes = item("y", Kind::YesNo);
        assert_eq!(read(&yes, &posted(&[("y", "no")])).unwrap(), Some(Answer::Yes(false)));
        let long = item("t", Kind::ShortText);
        assert_eq!(
            read(&long, &posted(&[("t", &"é".repeat(501))])).unwrap_err().key,
            "error-answer-too-long"
        );
        assert!(read(&long, &posted(&[("t", &"é".repeat(500))])).is_ok());
    }

    fn condition(question: &str, operator: Operator, answer: serde_json::Value) -> Condition {
        Condition { question: question.into(), operator, answer }
    }

    #[test]
    fn conditions_follow_fhir() {
        let a = Answer::Codes(vec!["b".into()]);
        let n = Answer::Number(5.0);
        assert!(holds(&condition("q", Operator::Equals, json!("b")), Some(&a)));
        assert!(!holds(&condition("q", Operator::Equals, json!("c")), Some(&a)));
        assert!(!holds(&condition("q", Operator::Equals, json!("b")), None));
        assert!(holds(&condition("q", Operator::NotEquals, json!("c")), Some(&a)));
        assert!(holds(&condition("q", Operator::NotEquals, json!("c")), None));
        assert!(!holds(&condition("q", Operator::NotEquals, json!("b")), Some(&a)));
        assert!(holds(&condition("q", Operator::Greater, json!(4)), Some(&n)));
        assert!(!holds(&condition("q", Operator::Greater, json!(5)), Some(&n)));
        assert!(holds(&condition("q", Operator::Less, json!(5.5)), Some(&n)));
        assert!(!holds(&condition("q", Operator::Less, json!(5)), None));
        assert!(holds(&condition("q", Operator::Exists, json!(true)), Some(&n)));
        assert!(holds(&condition("q", Operator::Exists, json!(false)), None));
        assert!(!holds(&condition("q", Operator::Exists, json!(true)), None));
        assert!(holds(&condition("q", Operator::Equals, json!(true)), Some(&Answer::Yes(true))));
    }

    fn definition() -> Definition {
        let mut smoker = item("smoker", Kind::YesNo);
        smoker.required = true;
        let mut packs = item("packs", Kind::Integer { min: Some(0), max: None, unit: None });
        packs.required = true;
        packs.enable_when = vec![condition("smoker", Operator::Equals, json!(true))];
        let mut since = item("since", Kind::Date);
        since.enable_when = vec![condition("packs", Operator::Greater, json!(0))];
        let mut other = item("other", Kind::ShortText);
        other.enable_behavior = Behavior::Any;
        other.enable_when = vec![
            condition("smoker", Operator::Equals, json!(false)),
            condition("packs", Operator::Greater, json!(2)),
        ];
        let mut group = item("g2", Kind::Group { items: vec![packs, since, other] });
        group.enable_when = vec![condition("smoker", Operator::Exists, json!(true))];
        Definition {
            key: "t".into(),
            title: text("t"),
            instructions: None,
            code: None,
            source: None,
            items: vec![item("g1", Kind::Group { items: vec![smoker] }), group],
            scoring: None,
        }
    }

    #[test]
    fn conditions_decide_what_is_asked_and_required() {
        let d = definition();
        d.check().unwrap();
        let mut answers = Answers::new();
        let skipped = not_asked(&d, &answers);
        assert!(skipped.contains("g2") && skipped.contains("packs") && skipped.contains("other"));
        assert_eq!(
            missing_required(&d, &answers).iter().map(|i| i.link_id.as_str()).collect::<Vec<_>>(),
            ["smoker"]
        );

        answers.insert("smoker".into(), Answer::Yes(true));
        assert_eq!(
            missing_required(&d, &answers).iter().map(|i| i.link_id.as_str()).collect::<Vec<_>>(),
            ["packs"]
        );
        answers.insert("packs".into(), Answer::Number(3.0));
        let skipped = not_asked(&d, &answers);
        assert!(!skipped.contains("since") && !skipped.contains("other"), "{skipped:?}");
        assert!(missing_required(&d, &answers).is_empty());

        // "No" to smoking: packs is no longer asked, so its answer no longer counts.
        answers.insert("smoker".into(), Answer::Yes(false));
        let skipped = not_asked(&d, &answers);
        assert!(skipped.contains("packs") && skipped.contains("since") && !skipped.contains("other"));
    }

    #[test]
    fn a_definition_refuses_conditions_on_later_or_unknown_items_and_duplicate_ids() {
        let mut d = definition();
        let Kind::Group { items } = &mut d.items[1].kind else { unreachable!() };
        items[0].enable_when = vec![condition("since", Operator::Exists, json!(true))];
        let refused = d.check().unwrap_err();
        assert_eq!((refused.key, refused.item.as_deref()), ("error-questionnaire-condition", Some("packs")));

        let mut d = definition();
        let Kind::Group { items } = &mut d.items[1].kind else { unreachable!() };
        items[1].enable_when = vec![condition("q7", Operator::Exists, json!(true))];
        assert_eq!(d.check().unwrap_err().item.as_deref(), Some("since"));

        let mut d = definition();
        let Kind::Group { items } = &mut d.items[1].kind else { unreachable!() };
        items[2].link_id = "smoker".into();
        assert_eq!(d.check().unwrap_err().key, "error-questionnaire-link-id");
    }
}
