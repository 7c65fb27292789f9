//! A list of patients as a file, read into rows as typed: a CSV export (UTF-8 or Windows-1252,
//! `;` or `,`, the column names of the common EMR exports in French or English) or a FHIR R4
//! Bundle of `Patient` resources. Nothing is checked here but the file's shape; each row's
//! content is judged by the import.
use crate::domain::{DomainError, DomainResult};
use unicode_normalization::UnicodeNormalization;

/// The most rows one file may hold.
pub const MAX_ROWS: usize = 5_000;
/// The largest file taken (a FHIR Bundle of 5,000 patients is about 3 MB).
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// One patient as the file gives them; `line` is where to find them in it (the CSV line, the
/// Bundle's entry counted from 1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub line: i64,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub email: String,
    pub mobile: String,
    pub language: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Fhir,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Fhir => "fhir",
        }
    }
}

/// The file's rows; a file that is not a list of patients is refused on the `list` field.
pub fn read(bytes: &[u8]) -> DomainResult<(Format, Vec<Row>)> {
    if bytes.len() > MAX_BYTES {
        return Err(DomainError::invalid("list", "error-import-too-large"));
    }
    let text = decoded(bytes);
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(DomainError::invalid("list", "error-import-empty"));
    }
    let (format, rows) = if text.trim_start().starts_with('{') {
        (Format::Fhir, fhir_rows(text)?)
    } else {
        (Format::Csv, csv_rows(text)?)
    };
    if rows.is_empty() {
        return Err(DomainError::invalid("list", "error-import-empty"));
    }
    if rows.len() > MAX_ROWS {
        return Err(DomainError::invalid("list", "error-import-too-many"));
    }
    Ok((format, rows))
}

/// UTF-8 when the bytes are; otherwise Windows-1252, what Excel and older EMRs write in Québec.
fn decoded(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// The columns a row needs or may have, and the names exports give them (lower case, without
/// accents, spaces or punctuation).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Given,
    Family,
    Birth,
    Email,
    Mobile,
    Language,
}

fn column_of(heading: &str) -> Option<Column> {
    let name: String = heading.nfd().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let name = name.strip_prefix("patient").filter(|rest| !rest.is_empty()).unwrap_or(&name);
    Some(match name {
        "prenom" | "prenoms" | "givenname" | "firstname" | "first" | "given" | "prenomdupatient"
        | "prenomusuel" => Column::Given,
        "nom" | "nomdefamille" | "familyname" | "lastname" | "surname" | "last" | "family"
        | "nomdupatient" | "nomdenaissance" => Column::Family,
        "datedenaissance" | "ddn" | "naissance" | "dateofbirth" | "dob" | "birthdate" | "birthday"
        | "nele" | "neele" => Column::Birth,
        "courriel"
        | "email"
        | "adressecourriel"
        | "adressedecourriel"
        | "courrielelectronique"
        | "mail"
        | "adresseemail"
        | "emailaddress"
        | "adresseelectronique" => Column::Email,
        "cellulaire"
        | "mobile"
        | "cell"
        | "telephonecellulaire"
        | "mobilephone"
        | "cellphone"
        | "telcellulaire"
        | "cellular"
        | "telephonemobile"
        | "mobilenumber" => Column::Mobile,
        "langue"
        | "language"
        | "lang"
        | "languedecorrespondance"
        | "preferredlanguage"
        | "languepreferee"
        | "languedecommunication"
        | "langueparlee" => Column::Language,
        _ => return None,
    })
}

/// The delimiter of the header line: the one of `;`, `,` and tab it holds most of.
fn delimiter(header: &str) -> u8 {
    [b';', b',', b'\t'].into_iter().max_by_key(|d| header.bytes().filter(|b| b == d).count()).unwrap_or(b',')
}

fn csv_rows(text: &str) -> DomainResult<Vec<Row>> {
    let header = text.lines().next().unwrap_or_default();
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter(header)).flexible(true).from_reader(text.as_bytes());
    let unreadable = |_| DomainError::invalid("list", "error-import-unreadable");
    let columns: Vec<Option<Column>> = reader.headers().map_err(unreadable)?.iter().map(column_of).collect();
    let has = |wanted| columns.contains(&Some(wanted));
    if ![Column::Given, Column::Family, Column::Birth, Column::Email].into_iter().all(has) {
        return Err(DomainError::invalid("list", "error-import-columns"));
    }
    let mut rows = Vec::new();
    // The line a record starts on, as an editor numbers it: the reader's position may stop short
    // of the line breaks (and blank lines) before the record, so they are stepped over first.
    let bytes = text.as_bytes();
    let (mut line, mut counted_to) = (1, 0);
    for record in reader.records() {
        let record = record.map_err(unreadable)?;
        let mut start = record.position().map_or(counted_to, |p| p.byte() as usize).max(counted_to);
        while bytes.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        line += bytes[counted_to..start].iter().filter(|b| **b == b'\n').count() as i64;
        counted_to = start;
        if record.iter().all(|value| value.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(DomainError::invalid("list", "error-import-too-many"));
        }
        let mut row = Row { line, ..Row::default() };
        for (column, value) in columns.iter().zip(record.iter()) {
            let slot = match column {
                Some(Column::Given) => &mut row.given_name,
                Some(Column::Family) => &mut row.family_name,
                Some(Column::Birth) => &mut row.birth_date,
                Some(Column::Email) => &mut row.email,
                Some(Column::Mobile) => &mut row.mobile,
                Some(Column::Language) => &mut row.language,
                None => continue,
            };
            if slot.is_empty() {
                *slot = value.trim().to_string();
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

fn fhir_rows(text: &str) -> DomainResult<Vec<Row>> {
    use serde_json::Value;
    let invalid = || DomainError::invalid("list", "error-import-fhir-invalid");
    let bundle: Value = serde_json::from_str(text).map_err(|_| invalid())?;
    if bundle["resourceType"] != "Bundle" {
        return Err(invalid());
    }
    let entries = bundle["entry"].as_array().ok_or_else(invalid)?;
    if entries.len() > MAX_ROWS {
        return Err(DomainError::invalid("list", "error-import-too-many"));
    }
    let text_of = |value: &Value| value.as_str().unwrap_or_default().trim().to_string();
    let mut rows = Vec::new();
    for (number, entry) in entries.iter().enumerate() {
        let patient = &entry["resource"];
        if patient["resourceType"] != "Patient" {
            continue;
        }
        let names = patient["name"].as_array().cloned().unwrap_or_default();
        let name = names
            .iter()
            .find(|n| n["use"] == "official")
            .or_else(|| names.iter().find(|n| n["use"] != "old" && n["use"] != "maiden"))
            .cloned()
            .unwrap_or(Value::Null);
        let given = name["given"]
            .as_array()
            .map(|given| given.iter().map(text_of).filter(|g| !g.is_empty()).collect::<Vec<_>>().join(" "));
        let telecom = patient["telecom"].as_array().cloned().unwrap_or_default();
        let contact = |system: &str, mobile_only: bool| {
            telecom
                .iter()
                .filter(|t| t["system"] == system && t["use"] != "old")
                .find(|t| !mobile_only || t["use"] == "mobile")
                .map(|t| text_of(&t["value"]))
                .unwrap_or_default()
        };
        let language = patient["communication"]
            .as_array()
            .and_then(|spoken| {
                let preferred = spoken.iter().find(|c| c["preferred"] == true).or(spoken.first())?;
                preferred["language"]["coding"].as_array()?.first().map(|coding| text_of(&coding["code"]))
            })
            .unwrap_or_default();
        rows.push(Row {
            line: number as i64 + 1,
            given_name: given.unwrap_or_default(),
            family_name: text_of(&name["family"]),
            birth_date: text_of(&patient["birthDate"]),
            email: contact("email", false),
            mobile: contact("phone", true),
            language,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(result: DomainResult<(Format, Vec<Row>)>) -> &'static str {
        match result {
            Err(DomainError::Invalid { key, field: Some("list") }) => key,
            other => panic!("expected a refusal on the list, got {other:?}"),
        }
    }

    #[test]
    fn reads_an_emr_export_in_windows_1252_with_semicolons() {
        let text = "No dossier;Prénom;Nom;Date de naissance;Courriel;Cellulaire;Langue\r\n\
                    123;Léa;Tremblay;1988-02-29;lea@example.org;514 555-0101;Français\r\n\
                    \r\n\
                    124;\"Zoé; Anne\";Côté;29/02/1988;zoe@example.org;;en\r\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let (format, rows) = read(&bytes).unwrap();
        assert_eq!(format, Format::Csv);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].given_name, "Léa");
        assert_eq!(rows[0].family_name, "Tremblay");
        assert_eq!(rows[0].mobile, "514 555-0101");
        assert_eq!(rows[0].language, "Français");
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].given_name, "Zoé; Anne");
        assert_eq!(rows[1].birth_date, "29/02/1988");
        assert_eq!(rows[1].line, 4);
    }

    #[test]
    fn reads_english_headings_with_commas_and_a_bom() {
        let text = "\u{feff}First name,Last name,DOB,Email address\nAnn,Smith,1990-01-02,ann@example.org\n";
        let (_, rows) = read(text.as_bytes()).unwrap();
        assert_eq!(rows[0].given_name, "Ann");
        assert_eq!(rows[0].email, "ann@example.org");
    }

    #[test]
    fn refuses_what_is_not_a_list_of_patients() {
        assert_eq!(key(read(b"")), "error-import-empty");
        assert_eq!(key(read(b"Name,Phone\nAnn,514\n")), "error-import-columns");
        assert_eq!(key(read(b"Prenom,Nom,DDN,Courriel\n")), "error-import-empty");
        assert_eq!(key(read(b"{\"resourceType\": \"Patient\"}")), "error-import-fhir-invalid");
        assert_eq!(key(read(b"{not json")), "error-import-fhir-invalid");
        let many =
            format!("Prenom,Nom,DDN,Courriel\n{}", "A,B,1990-01-01,a@example.org\n".repeat(MAX_ROWS + 1));
        assert_eq!(key(read(many.as_bytes())), "error-import-too-many");
    }

    #[test]
    fn reads_a_fhir_bundle_of_patients() {
        let bundle = r#"{"resourceType": "Bundle", "type": "collection", "entry": [
            {"resource": {"resourceType": "Patient",
              "name": [{"use": "old", "family": "Ancien", "given": ["X"]},
                       {"use": "official", "family": "Tremblay", "given": ["Léa", "Marie"]}],
              "birthDate": "1988-02-29",
              "telecom": [{"system": "phone", "use": "home", "value": "450 555-0000"},
                          {"system": "phone", "use": "mobile", "value": "514 555-0101"},
                          {"system": "email", "value": "lea@example.org"}],
              "communication": [{"language": {"coding": [{"code": "en-CA"}]}, "preferred": true}]}},
            {"resource": {"resourceType": "Organization", "name": "Ignorée"}},
            {"resource": {"resourceType": "Patient", "name": [{"family": "Côté"}]}}
        ]}"#;
        let (format, rows) = read(bundle.as_bytes()).unwrap();
        assert_eq!(format, Format::Fhir);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].given_name, "Léa Marie");
        assert_eq!(rows[0].family_name, "Tremblay");
        assert_eq!(rows[0].mobile, "514 555-0101");
        assert_eq!(rows[0].email, "lea@example.org");
        assert_eq!(rows[0].language, "en-CA");
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].given_name, "");
    }
}
