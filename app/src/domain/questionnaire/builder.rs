//! The questionnaire builder: a draft per questionnaire being written or edited, changed one form
//! post at a time (details, add a section or a question, edit, move, remove), checked at each
//! change by the rules a definition keeps, and published as the library's next version. The
//! shipped instruments are validated as published: the builder does not change them.
use super::definition::{AnswerOption, Behavior, Bilingual, Condition, Definition, Item, Kind, Operator};
use super::library::{self, Entry};
use super::{FormError, Refusal};
use crate::domain::{store::Db, Ctx, DomainError, DomainResult, Target};
use crate::states::Service;
use std::collections::HashMap;

/// A draft holds this many items at most, and a choice this many options.
pub const ITEMS_MAX: usize = 300;
pub const OPTIONS_MAX: usize = 50;
/// The longest text of an item, a title or instructions.
pub const TEXT_MAX: usize = 4000;

/// What the person typed in a builder form, by field name: read here, given back on a refusal.
pub type Fields = HashMap<String, String>;

/// Who builds: administrators, and professionals holding the Questionnaires service when the
/// organisation allows it.
pub fn may_build(held: &[Service], professionals_build: bool) -> bool {
    held.contains(&Service::Administration)
        || (professionals_build && held.contains(&Service::Questionnaires))
}

/// One change to a draft, as a form post asks for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Details(Fields),
    AddSection(Fields),
    /// A question (or text to read) at the end of the section `section`.
    AddItem {
        section: String,
        fields: Fields,
    },
    Edit {
        link_id: String,
        fields: Fields,
    },
    Move {
        link_id: String,
        up: bool,
    },
    Remove {
        link_id: String,
    },
}

/// The item kinds the builder offers, by the name its form sends.
pub const KINDS: [&str; 10] = [
    "short-text",
    "long-text",
    "choice",
    "multiple",
    "yes-no",
    "integer",
    "decimal",
    "date",
    "scale",
    "display",
];

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).map(|v| v.trim()).unwrap_or("")
}

/// A text required in both languages (`{name}_fr`, `{name}_en`).
fn bilingual(fields: &Fields, name: &str) -> Result<Bilingual, Refusal> {
    let mut text = Bilingual { fr: String::new(), en: String::new() };
    for (lang, slot) in [("fr", &mut text.fr), ("en", &mut text.en)] {
        let name = format!("{name}_{lang}");
        let value = field(fields, &name);
        if value.is_empty() {
            return Err(Refusal::new("error-builder-text-required").about(&name));
        }
        if value.chars().count() > TEXT_MAX {
            return Err(Refusal::new("error-builder-text-long").about(&name).arg("max", TEXT_MAX));
        }
        *slot = value.to_string();
    }
    Ok(text)
}

/// A text given in both languages or in neither.
fn optional_bilingual(fields: &Fields, name: &str) -> Result<Option<Bilingual>, Refusal> {
    let given = ["fr", "en"].iter().any(|lang| !field(fields, &format!("{name}_{lang}")).is_empty());
    given.then(|| bilingual(fields, name)).transpose()
}

fn number<T: std::str::FromStr>(fields: &Fields, name: &str) -> Result<Option<T>, Refusal> {
    let value = field(fields, name).replace(',', ".");
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| Refusal::new("error-builder-number").about(name))
}

/// Choices, one per line: `French | English`, or `French | English | weight` for a scored one.
/// Editing keeps each line's code by its position, so answers already given keep their meaning.
fn options(fields: &Fields, kept: &[AnswerOption]) -> Result<Vec<AnswerOption>, Refusal> {
    let lines: Vec<&str> =
        field(fields, "options").lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() < 2 || lines.len() > OPTIONS_MAX {
        return Err(Refusal::new("error-builder-options").about("options").arg("max", OPTIONS_MAX));
    }
    let mut used: Vec<String> = Vec::new();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let wrong = || Refusal::new("error-builder-option-line").about("options").arg("line", i + 1);
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            let (fr, en, weight) = match parts.as_slice() {
                [fr, en] => (*fr, *en, None),
                [fr, en, weight] => (*fr, *en, Some(weight.parse::<i64>().map_err(|_| wrong())?)),
                _ => return Err(wrong()),
            };
            if fr.is_empty() || en.is_empty() {
                return Err(wrong());
            }
            let code = match kept.get(i) {
                Some(option) if !used.contains(&option.code) => option.code.clone(),
                _ => (1..)
                    .map(|n| format!("a{n}"))
                    .find(|c| !used.contains(c) && !kept.iter().skip(i + 1).any(|o| &o.code == c))
                    .unwrap_or_default(),
            };
            used.push(code.clone());
            Ok(AnswerOption { code, text: Bilingual { fr: fr.into(), en: en.into() }, weight })
        })
        .collect()
}

/// The options as the form shows them, one per line.
pub fn options_text(options: &[AnswerOption]) -> String {
    options
        .iter()
        .map(|o| match o.weight {
            Some(w) => format!("{} | {} | {w}", o.text.fr, o.text.en),
            None => format!("{} | {}", o.text.fr, o.text.en),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn kind(fields: &Fields, editing: Option<&Item>) -> Result<Kind, Refusal> {
    let kept: &[AnswerOption] = match editing.map(|i| &i.kind) {
        Some(Kind::Choice { options, .. }) => options,
        _ => &[],
    };
    let range = |min_name: &str| -> Result<(), Refusal> {
        Err(Refusal::new("error-builder-min-max").about(min_name))
    };
    Ok(match field(fields, "kind") {
        "short-text" => Kind::ShortText,
        "long-text" => Kind::LongText,
        "choice" => Kind::Choice { options: options(fields, kept)?, multiple: false },
        "multiple" => Kind::Choice { options: options(fields, kept)?, multiple: true },
        "yes-no" => Kind::YesNo,
        "integer" => {
            let (min, max) = (number::<i64>(fields, "min")?, number::<i64>(fields, "max")?);
            if min.zip(max).is_some_and(|(a, b)| a > b) {
                range("max")?;
            }
            Kind::Integer { min, max, unit: optional_bilingual(fields, "unit")? }
        }
        "decimal" => {
            let (min, max) = (number::<f64>(fields, "min")?, number::<f64>(fields, "max")?);
            if min.zip(max).is_some_and(|(a, b)| a > b) {
                range("max")?;
            }
            Kind::Decimal { min, max, unit: optional_bilingual(fields, "unit")? }
        }
        "date" => Kind::Date,
        "scale" => Kind::Scale { low: bilingual(fields, "low")?, high: bilingual(fields, "high")? },
        "display" => Kind::Display,
        _ => return Err(Refusal::new("error-builder-kind").about("kind")),
    })
}

/// The kind's name in the form (`KINDS`), and `group` for a section.
pub fn kind_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::Group { .. } => "group",
        Kind::Display => "display",
        Kind::ShortText => "short-text",
        Kind::LongText => "long-text",
        Kind::Choice { multiple: false, .. } => "choice",
        Kind::Choice { multiple: true, .. } => "multiple",
        Kind::YesNo => "yes-no",
        Kind::Integer { .. } => "integer",
        Kind::Decimal { .. } => "decimal",
        Kind::Date => "date",
        Kind::Scale { .. } => "scale",
    }
}

/// "Shown only when": an earlier question, an operator and the answer it compares with (a
/// choice by its text in either language, yes/no, a number). Empty question: always shown.
fn condition(definition: &Definition, fields: &Fields) -> Result<Option<Condition>, Refusal> {
    let question = field(fields, "when_question");
    if question.is_empty() {
        return Ok(None);
    }
    let wrong = || Refusal::new("error-builder-condition").about("when_answer");
    let target = definition
        .item(question)
        .filter(|i| i.answerable())
        .ok_or_else(|| Refusal::new("error-questionnaire-condition").about("when_question"))?;
    let operator = match field(fields, "when_operator") {
        "=" => Operator::Equals,
        "!=" => Operator::NotEquals,
        ">" => Operator::Greater,
        "<" => Operator::Less,
        "exists" => Operator::Exists,
        _ => return Err(Refusal::new("error-builder-operator").about("when_operator")),
    };
    let typed = field(fields, "when_answer");
    let yes = |t: &str| match t.to_lowercase().as_str() {
        "oui" | "yes" | "true" => Some(true),
        "non" | "no" | "false" => Some(false),
        _ => None,
    };
    let answer = match (&target.kind, operator) {
        (_, Operator::Exists) => {
            serde_json::Value::Bool(if typed.is_empty() { true } else { yes(typed).ok_or_else(wrong)? })
        }
        (Kind::Choice { options, .. }, Operator::Equals | Operator::NotEquals) => {
            let wanted = typed.to_lowercase();
            let option = options
                .iter()
                .find(|o| {
                    o.code == typed
                        || o.text.fr.to_lowercase() == wanted
                        || o.text.en.to_lowercase() == wanted
                })
                .ok_or_else(wrong)?;
            serde_json::Value::String(option.code.clone())
        }
        (Kind::YesNo, Operator::Equals | Operator::NotEquals) => {
            serde_json::Value::Bool(yes(typed).ok_or_else(wrong)?)
        }
        (Kind::Integer { .. } | Kind::Decimal { .. } | Kind::Scale { .. }, _)
        | (Kind::Choice { .. }, Operator::Greater | Operator::Less) => {
            let n: f64 = typed.replace(',', ".").parse().map_err(|_| wrong())?;
            serde_json::Number::from_f64(n).map(serde_json::Value::Number).ok_or_else(wrong)?
        }
        (Kind::ShortText | Kind::LongText | Kind::Date, Operator::Equals | Operator::NotEquals)
            if !typed.is_empty() =>
        {
            serde_json::Value::String(typed.to_string())
        }
        _ => return Err(wrong()),
    };
    Ok(Some(Condition { question: question.to_string(), operator, answer }))
}

/// The condition as the form shows it.
pub fn condition_fields(definition: &Definition, item: &Item) -> Fields {
    let mut fields = Fields::new();
    if let Some(c) = item.enable_when.first() {
        fields.insert("when_question".into(), c.question.clone());
        let operator = match c.operator {
            Operator::Equals => "=",
            Operator::NotEquals => "!=",
            Operator::Greater => ">",
            Operator::Less => "<",
            Operator::Exists => "exists",
        };
        fields.insert("when_operator".into(), operator.into());
        let answer = match (&c.answer, definition.item(&c.question).map(|i| &i.kind)) {
            (serde_json::Value::String(code), Some(Kind::Choice { options, .. })) => options
                .iter()
                .find(|o| &o.code == code)
                .map(|o| o.text.fr.clone())
                .unwrap_or_else(|| code.clone()),
            (serde_json::Value::Bool(b), _) => (if *b { "oui" } else { "non" }).into(),
            (serde_json::Value::String(s), _) => s.clone(),
            (other, _) => other.to_string(),
        };
        fields.insert("when_answer".into(), answer);
    }
    fields
}

/// The item as the edit form shows it.
pub fn item_fields(definition: &Definition, item: &Item) -> Fields {
    let mut fields = condition_fields(definition, item);
    let mut put = |name: &str, value: String| {
        fields.insert(name.to_string(), value);
    };
    put("kind", kind_name(&item.kind).into());
    put("text_fr", item.text.fr.clone());
    put("text_en", item.text.en.clone());
    if item.required {
        put("required", "on".into());
    }
    let mut pair = |name: &str, text: &Option<Bilingual>| {
        if let Some(t) = text {
            put(&format!("{name}_fr"), t.fr.clone());
            put(&format!("{name}_en"), t.en.clone());
        }
    };
    match &item.kind {
        Kind::Integer { min, max, unit } => {
            pair("unit", unit);
            min.map(|v| put("min", v.to_string()));
            max.map(|v| put("max", v.to_string()));
        }
        Kind::Decimal { min, max, unit } => {
            pair("unit", unit);
            min.map(|v| put("min", v.to_string()));
            max.map(|v| put("max", v.to_string()));
        }
        Kind::Scale { low, high } => {
            pair("low", &Some(low.clone()));
            pair("high", &Some(high.clone()));
        }
        Kind::Choice { options, .. } => put("options", options_text(options)),
        _ => {}
    }
    fields
}

/// A new link id: the prefix and the next number not taken (`q12`, `s3`).
fn next_link_id(definition: &Definition, prefix: &str) -> String {
    let taken: Vec<&str> = definition.all_items().iter().map(|i| i.link_id.as_str()).collect();
    (1..).map(|n| format!("{prefix}{n}")).find(|id| !taken.contains(&id.as_str())).unwrap_or_default()
}

/// The list holding `link_id` and its place in it.
fn place<'a>(items: &'a mut Vec<Item>, link_id: &str) -> Option<(&'a mut Vec<Item>, usize)> {
    if let Some(i) = items.iter().position(|item| item.link_id == link_id) {
        return Some((items, i));
    }
    for item in items.iter_mut() {
        if let Kind::Group { items: children } = &mut item.kind {
            if let Some(found) = place(children, link_id) {
                return Some(found);
            }
        }
    }
    None
}

/// Applies `change` to `definition`; refused with the field or item it is about, leaving the
/// definition as it was.
pub fn apply(definition: &mut Definition, change: &Change) -> Result<(), Refusal> {
    let mut changed = definition.clone();
    match change {
        Change::Details(fields) => {
            changed.title = bilingual(fields, "title")?;
            changed.instructions = optional_bilingual(fields, "instructions")?;
        }
        Change::AddSection(fields) => {
            let link_id = next_link_id(&changed, "s");
            changed.items.push(empty_section(link_id, bilingual(fields, "text")?));
        }
        Change::AddItem { section, fields } => {
            let link_id = next_link_id(&changed, "q");
            let item = Item {
                link_id,
                text: bilingual(fields, "text")?,
                kind: kind(fields, None)?,
                required: fields.contains_key("required") && field(fields, "kind") != "display",
                enable_when: condition(&changed, fields)?.into_iter().collect(),
                enable_behavior: Behavior::All,
            };
            match changed.items.iter_mut().find(|s| &s.link_id == section).map(|s| &mut s.kind) {
                Some(Kind::Group { items }) => items.push(item),
                _ => return Err(Refusal::new("error-builder-section").about("section")),
            }
        }
        Change::Edit { link_id, fields } => {
            let snapshot = changed.clone();
            let (list, i) =
                place(&mut changed.items, link_id).ok_or_else(|| Refusal::new("error-builder-item"))?;
            let item = &mut list[i];
            item.text = bilingual(fields, "text")?;
            if !matches!(item.kind, Kind::Group { .. }) {
                item.kind = kind(fields, Some(item))?;
                item.required = fields.contains_key("required") && item.answerable();
                // Several conditions (imported from FHIR) are kept as they are: the form edits one.
                if item.enable_when.len() <= 1 {
                    item.enable_when = condition(&snapshot, fields)?.into_iter().collect();
                }
            }
        }
        Change::Move { link_id, up } => {
            let (list, i) =
                place(&mut changed.items, link_id).ok_or_else(|| Refusal::new("error-builder-item"))?;
            let j = if *up { i.checked_sub(1) } else { Some(i + 1).filter(|&j| j < list.len()) };
            if let Some(j) = j {
                list.swap(i, j);
            }
        }
        Change::Remove { link_id } => {
            let (list, i) =
                place(&mut changed.items, link_id).ok_or_else(|| Refusal::new("error-builder-item"))?;
            list.remove(i);
            if let Some(scoring) = &changed.scoring {
                let banded = scoring.total.iter().chain(scoring.per_item.iter());
                let scored = banded.flat_map(|b| b.items.iter()).chain(scoring.flags.iter().map(|f| &f.item));
                let removed: Vec<String> = definition
                    .item(link_id)
                    .map(|item| {
                        let mut ids = vec![item.link_id.clone()];
                        fn walk(items: &[Item], ids: &mut Vec<String>) {
                            for i in items {
                                ids.push(i.link_id.clone());
                                walk(i.children(), ids);
                            }
                        }
                        walk(item.children(), &mut ids);
                        ids
                    })
                    .unwrap_or_default();
                if let Some(used) = scored.into_iter().find(|id| removed.contains(id)) {
                    return Err(Refusal::new("error-builder-scored").about(link_id).arg("item", used));
                }
            }
            let depends = changed
                .all_items()
                .into_iter()
                .find(|i| i.enable_when.iter().any(|c| c.question == *link_id))
                .map(|i| i.link_id.clone());
            if let Some(dependent) = depends {
                return Err(Refusal::new("error-builder-depended-on").about(link_id).arg("item", dependent));
            }
        }
    }
    if changed.all_items().len() > ITEMS_MAX {
        return Err(Refusal::new("error-builder-too-many").arg("max", ITEMS_MAX));
    }
    changed.check_draft()?;
    *definition = changed;
    Ok(())
}

/// A draft as stored.
#[derive(Clone, Debug)]
pub struct Draft {
    pub id: i64,
    pub instrument: String,
    /// The version edited, `None` for a new questionnaire.
    pub based_on: Option<i64>,
    pub definition: Definition,
    pub revision: i64,
}

/// The drafts of the organisation, as their title reads.
pub async fn drafts(db: &Db, organisation_id: i64) -> DomainResult<Vec<(i64, Bilingual)>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, definition FROM questionnaire_drafts WHERE organisation_id = $1 ORDER BY updated_at DESC, id LIMIT 200",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, json)| serde_json::from_str::<Definition>(&json).ok().map(|d| (id, d.title)))
        .collect())
}

pub async fn open(db: &Db, organisation_id: i64, id: i64) -> DomainResult<Draft> {
    let row: Option<(i64, String, Option<i64>, String, i64)> = sqlx::query_as(
        "SELECT id, instrument, based_on, definition, revision FROM questionnaire_drafts
         WHERE id = $1 AND organisation_id = $2",
    )
    .bind(id)
    .bind(organisation_id)
    .fetch_optional(db)
    .await?;
    let (id, instrument, based_on, json, revision) = row.ok_or(DomainError::NotFound)?;
    let definition =
        serde_json::from_str(&json).map_err(|_| DomainError::refused("error-questionnaire-definition"))?;
    Ok(Draft { id, instrument, based_on, definition, revision })
}

/// The key a new questionnaire gets from its French title (`suivi-douleur`), made unique in the
/// organisation's library and drafts.
async fn new_key(db: &Db, organisation_id: i64, title: &str) -> DomainResult<String> {
    let mut slug = String::new();
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    for c in title.nfkd().filter(|c| !is_combining_mark(*c)).take(40) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = match slug.trim_matches('-') {
        "" => "questionnaire".to_string(),
        s => s.to_string(),
    };
    let taken: Vec<String> = sqlx::query_scalar(
        "SELECT instrument FROM questionnaires WHERE organisation_id = $1
         UNION SELECT instrument FROM questionnaire_drafts WHERE organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await?;
    let shipped = |key: &str| library::shipped(key).is_some();
    Ok(std::iter::once(slug.clone())
        .chain((2..).map(|n| format!("{slug}-{n}")))
        .find(|key| !taken.contains(key) && !shipped(key))
        .unwrap_or(slug))
}

/// Who changes a draft: the signed-in person (the builder is never run by a job).
fn actor(ctx: &Ctx) -> DomainResult<i64> {
    ctx.actor.ok_or(DomainError::refused("error-forbidden"))
}

async fn insert(
    ctx: &Ctx,
    organisation_id: i64,
    based_on: Option<i64>,
    definition: &Definition,
) -> Result<i64, FormError> {
    let json = serde_json::to_string(definition)
        .map_err(|_| DomainError::refused("error-questionnaire-definition"))?;
    let mut tx = ctx.db.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO questionnaire_drafts (organisation_id, instrument, based_on, definition, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(organisation_id)
    .bind(&definition.key)
    .bind(based_on)
    .bind(json)
    .bind(actor(ctx)?)
    .bind(ctx.now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| match e {
        sqlx::Error::Database(ref d) if d.is_unique_violation() => DomainError::conflict(None, "error-builder-draft-exists"),
        e => e.into(),
    })?;
    ctx.audit(
        &mut *tx,
        Some(organisation_id),
        "questionnaire.drafted",
        Target::Organisation(organisation_id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A section with nothing in it yet.
fn empty_section(link_id: String, text: Bilingual) -> Item {
    Item {
        link_id,
        text,
        kind: Kind::Group { items: Vec::new() },
        required: false,
        enable_when: Vec::new(),
        enable_behavior: Behavior::All,
    }
}

/// A questionnaire as it starts: its title, and a first section to add questions to.
fn blank(key: String, title: Bilingual) -> Definition {
    let first = Bilingual { fr: "Questions".into(), en: "Questions".into() };
    Definition {
        key,
        title,
        instructions: None,
        code: None,
        source: None,
        items: vec![empty_section("s1".into(), first)],
        scoring: None,
    }
}

/// A new questionnaire: its title, and a first section to add questions to.
pub async fn start(ctx: &Ctx, organisation_id: i64, fields: &Fields) -> Result<i64, FormError> {
    let title = bilingual(fields, "title")?;
    let key = new_key(&ctx.db, organisation_id, &title.fr).await?;
    insert(ctx, organisation_id, None, &blank(key, title)).await
}

/// Edits a version of the library: its instrument's draft if one is being written, else a new
/// draft from it. The shipped instruments are not edited.
pub async fn edit(ctx: &Ctx, organisation_id: i64, questionnaire_id: i64) -> Result<i64, FormError> {
    let (entry, _, definition) = library::version(&ctx.db, organisation_id, questionnaire_id).await?;
    if library::shipped(&entry.instrument).is_some() {
        return Err(DomainError::conflict(None, "error-builder-validated").into());
    }
    let existing: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM questionnaire_drafts WHERE organisation_id = $1 AND instrument = $2",
    )
    .bind(organisation_id)
    .bind(&entry.instrument)
    .fetch_optional(&ctx.db)
    .await?;
    match existing {
        Some(id) => Ok(id),
        None => insert(ctx, organisation_id, Some(entry.id), &definition).await,
    }
}

/// Applies a change to the draft. Two tabs changing the same draft: each change applies to the
/// draft as it is now (the revision guards the write; a lost race reads again).
pub async fn change(ctx: &Ctx, organisation_id: i64, id: i64, change: &Change) -> Result<(), FormError> {
    for _ in 0..3 {
        let mut draft = open(&ctx.db, organisation_id, id).await?;
        apply(&mut draft.definition, change)?;
        let json = serde_json::to_string(&draft.definition)
            .map_err(|_| DomainError::refused("error-questionnaire-definition"))?;
        let written = sqlx::query(
            "UPDATE questionnaire_drafts SET definition = $1, revision = revision + 1, updated_by = $2, updated_at = $3
             WHERE id = $4 AND organisation_id = $5 AND revision = $6",
        )
        .bind(json)
        .bind(actor(ctx)?)
        .bind(ctx.now)
        .bind(id)
        .bind(organisation_id)
        .bind(draft.revision)
        .execute(&ctx.db)
        .await?
        .rows_affected();
        if written == 1 {
            return Ok(());
        }
    }
    Err(DomainError::conflict(None, "error-builder-busy").into())
}

/// Publishes the draft as the library's next version of its questionnaire (the first for a new
/// one), once the whole definition keeps the rules; the draft then goes.
pub async fn publish(ctx: &Ctx, organisation_id: i64, id: i64) -> Result<Entry, FormError> {
    let draft = open(&ctx.db, organisation_id, id).await?;
    draft.definition.check()?;
    let entry =
        library::add_version(ctx, organisation_id, draft.definition, "questionnaire.published").await?;
    sqlx::query("DELETE FROM questionnaire_drafts WHERE id = $1 AND organisation_id = $2")
        .bind(id)
        .bind(organisation_id)
        .execute(&ctx.db)
        .await?;
    Ok(entry)
}

pub async fn discard(ctx: &Ctx, organisation_id: i64, id: i64) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    let removed = sqlx::query("DELETE FROM questionnaire_drafts WHERE id = $1 AND organisation_id = $2")
        .bind(id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if removed == 0 {
        return Err(DomainError::NotFound);
    }
    ctx.audit(
        &mut *tx,
        Some(organisation_id),
        "questionnaire.discarded",
        Target::Organisation(organisation_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Archives (or brings back) a questionnaire, every version: it can no longer be sent; what was
/// sent can still be filled and read.
pub async fn set_archived(
    ctx: &Ctx,
    organisation_id: i64,
    questionnaire_id: i64,
    archived: bool,
) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    let changed = sqlx::query(
        "UPDATE questionnaires SET archived = $1 WHERE organisation_id = $2
           AND instrument = (SELECT instrument FROM questionnaires WHERE id = $3 AND organisation_id = $2)",
    )
    .bind(i64::from(archived))
    .bind(organisation_id)
    .bind(questionnaire_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(DomainError::NotFound);
    }
    let action = if archived { "questionnaire.archived" } else { "questionnaire.restored" };
    ctx.audit(&mut *tx, Some(organisation_id), action, Target::Organisation(organisation_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the organisation lets professionals holding Questionnaires build.
pub async fn professionals_build(db: &Db, organisation_id: i64) -> DomainResult<bool> {
    let allowed: Option<i64> =
        sqlx::query_scalar("SELECT professionals_build_questionnaires FROM organisations WHERE id = $1")
            .bind(organisation_id)
            .fetch_optional(db)
            .await?;
    Ok(allowed.is_some_and(|a| a != 0))
}

pub async fn set_professionals_build(ctx: &Ctx, organisation_id: i64, allowed: bool) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    sqlx::query("UPDATE organisations SET professionals_build_questionnaires = $1 WHERE id = $2")
        .bind(i64::from(allowed))
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    let action = if allowed { "questionnaire.builders-all" } else { "questionnaire.builders-administrators" };
    ctx.audit(&mut *tx, Some(organisation_id), action, Target::Organisation(organisation_id)).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn empty() -> Definition {
        blank("suivi".into(), Bilingual { fr: "Suivi".into(), en: "Follow-up".into() })
    }

    fn add(d: &mut Definition, pairs: &[(&str, &str)]) -> Result<(), Refusal> {
        apply(d, &Change::AddItem { section: "s1".into(), fields: fields(pairs) })
    }

    fn ids(d: &Definition) -> Vec<&str> {
        d.all_items().iter().map(|i| i.link_id.as_str()).collect()
    }

    #[test]
    fn questions_are_added_moved_and_removed_in_their_section() {
        let mut d = empty();
        add(
            &mut d,
            &[("kind", "yes-no"), ("text_fr", "Douleur ?"), ("text_en", "Pain?"), ("required", "on")],
        )
        .unwrap();
        add(
            &mut d,
            &[
                ("kind", "scale"),
                ("text_fr", "Intensité"),
                ("text_en", "Intensity"),
                ("low_fr", "Aucune"),
                ("low_en", "None"),
                ("high_fr", "Pire"),
                ("high_en", "Worst"),
            ],
        )
        .unwrap();
        add(&mut d, &[("kind", "long-text"), ("text_fr", "Autre"), ("text_en", "Other")]).unwrap();
        assert_eq!(ids(&d), ["s1", "q1", "q2", "q3"]);
        assert!(d.item("q1").unwrap().required);
        apply(&mut d, &Change::Move { link_id: "q3".into(), up: true }).unwrap();
        assert_eq!(ids(&d), ["s1", "q1", "q3", "q2"]);
        // At the top already: nothing moves.
        apply(&mut d, &Change::Move { link_id: "q1".into(), up: true }).unwrap();
        assert_eq!(ids(&d), ["s1", "q1", "q3", "q2"]);
        apply(&mut d, &Change::Remove { link_id: "q3".into() }).unwrap();
        assert_eq!(ids(&d), ["s1", "q1", "q2"]);
        // A removed number is not given again while a later one exists.
        add(&mut d, &[("kind", "date"), ("text_fr", "Depuis"), ("text_en", "Since")]).unwrap();
        assert_eq!(ids(&d), ["s1", "q1", "q2", "q3"]);
        d.check().unwrap();
    }

    #[test]
    fn a_refused_change_names_the_field_and_leaves_the_draft_as_it_was() {
        let mut d = empty();
        let before = d.clone();
        let refused = add(&mut d, &[("kind", "choice"), ("text_fr", "Humeur"), ("text_en", "")]).unwrap_err();
        assert_eq!((refused.key, refused.item.as_deref()), ("error-builder-text-required", Some("text_en")));
        let refused = add(
            &mut d,
            &[
                ("kind", "choice"),
                ("text_fr", "Humeur"),
                ("text_en", "Mood"),
                ("options", "Bien | Good\nMal"),
            ],
        )
        .unwrap_err();
        assert_eq!((refused.key, refused.args[0].1.as_str()), ("error-builder-option-line", "2"));
        let refused = add(
            &mut d,
            &[("kind", "integer"), ("text_fr", "Âge"), ("text_en", "Age"), ("min", "10"), ("max", "2")],
        )
        .unwrap_err();
        assert_eq!((refused.key, refused.item.as_deref()), ("error-builder-min-max", Some("max")));
        let refused =
            add(&mut d, &[("kind", "integer"), ("text_fr", "Âge"), ("text_en", "Age"), ("min", "dix")])
                .unwrap_err();
        assert_eq!((refused.key, refused.item.as_deref()), ("error-builder-number", Some("min")));
        assert_eq!(
            add(&mut d, &[("kind", "nope"), ("text_fr", "a"), ("text_en", "b")]).unwrap_err().key,
            "error-builder-kind"
        );
        assert_eq!(d, before);
        // The draft may be published only once its sections hold questions.
        assert_eq!(d.check().unwrap_err().key, "error-questionnaire-empty-group");
    }

    #[test]
    fn a_condition_reads_the_answer_as_typed_and_keeps_its_question_in_place() {
        let mut d = empty();
        add(
            &mut d,
            &[
                ("kind", "choice"),
                ("text_fr", "Humeur"),
                ("text_en", "Mood"),
                ("options", "Bien | Good | 0\nMal | Bad | 2"),
            ],
        )
        .unwrap();
        add(
            &mut d,
            &[
                ("kind", "long-text"),
                ("text_fr", "Pourquoi ?"),
                ("text_en", "Why?"),
                ("when_question", "q1"),
                ("when_operator", "="),
                ("when_answer", "bad"),
            ],
        )
        .unwrap();
        let condition = &d.item("q2").unwrap().enable_when[0];
        assert_eq!((condition.question.as_str(), &condition.answer), ("q1", &serde_json::json!("a2")));
        assert_eq!(condition_fields(&d, d.item("q2").unwrap())["when_answer"], "Mal");
        // The question looked at cannot go, nor come after the one looking at it.
        let refused = apply(&mut d, &Change::Remove { link_id: "q1".into() }).unwrap_err();
        assert_eq!((refused.key, refused.args[0].1.as_str()), ("error-builder-depended-on", "q2"));
        let refused = apply(&mut d, &Change::Move { link_id: "q1".into(), up: false }).unwrap_err();
        assert_eq!(refused.key, "error-questionnaire-condition");
        let refused = add(
            &mut d,
            &[
                ("kind", "date"),
                ("text_fr", "a"),
                ("text_en", "b"),
                ("when_question", "q1"),
                ("when_operator", "="),
                ("when_answer", "peut-être"),
            ],
        )
        .unwrap_err();
        assert_eq!((refused.key, refused.item.as_deref()), ("error-builder-condition", Some("when_answer")));
    }

    #[test]
    fn editing_a_choice_keeps_each_answer_code_by_position() {
        let mut d = empty();
        add(
            &mut d,
            &[
                ("kind", "choice"),
                ("text_fr", "Humeur"),
                ("text_en", "Mood"),
                ("options", "Bien | Good\nMal | Bad"),
            ],
        )
        .unwrap();
        let mut edited = item_fields(&d, d.item("q1").unwrap());
        assert_eq!(edited["options"], "Bien | Good\nMal | Bad");
        edited.insert("options".into(), "Très bien | Very good\nMal | Bad\nTrès mal | Very bad".into());
        apply(&mut d, &Change::Edit { link_id: "q1".into(), fields: edited }).unwrap();
        let Kind::Choice { options, .. } = &d.item("q1").unwrap().kind else { panic!() };
        let codes: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
        assert_eq!(codes, ["a1", "a2", "a3"]);
        assert_eq!(options[0].text.fr, "Très bien");
    }

    #[test]
    fn a_scored_item_is_not_removed_and_only_the_allowed_build() {
        let mut d = library::shipped("gad-7").unwrap();
        let first = d.questions()[0].link_id.clone();
        assert_eq!(
            apply(&mut d, &Change::Remove { link_id: first }).unwrap_err().key,
            "error-builder-scored"
        );
        assert!(may_build(&[Service::Administration], false));
        assert!(!may_build(&[Service::Questionnaires], false));
        assert!(may_build(&[Service::Questionnaires], true));
        assert!(!may_build(&[Service::Messaging], true));
    }
}
