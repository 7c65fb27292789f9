//! Scores, computed on the server from stored answers by the rules the definition declares: the
//! sum of items and its band, each item's own band, and flags raised by one answer whatever the
//! total.
use super::answer::{self, Answers};
use super::definition::{Band, Banded, Bilingual, Definition};
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The sum, when every item it adds up is answered.
    pub total: Option<i64>,
    pub band: Option<Bilingual>,
    /// Each banded item answered: its link id, value and band.
    pub items: Vec<ItemScore>,
    /// The flags raised: the item and what the flag says.
    pub flags: Vec<(String, Bilingual)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemScore {
    pub link_id: String,
    pub value: i64,
    pub band: Option<Bilingual>,
}

impl Score {
    pub fn flagged(&self) -> bool {
        !self.flags.is_empty()
    }
}

/// The band `value` falls in.
pub fn band_of(bands: &[Band], value: i64) -> Option<Bilingual> {
    bands.iter().find(|b| (b.from..=b.to).contains(&value)).map(|b| b.label.clone())
}

/// The score of `answers`, or `None` for a questionnaire without scoring.
pub fn score(definition: &Definition, answers: &Answers) -> Option<Score> {
    score_skipping(definition, answers, &answer::not_asked(definition, answers))
}

/// The score of `answers` when the questions not asked (`answer::not_asked`) are known already.
pub fn score_skipping(
    definition: &Definition,
    answers: &Answers,
    skipped: &HashSet<String>,
) -> Option<Score> {
    let scoring = definition.scoring.as_ref()?;
    let value = |link_id: &str| -> Option<i64> {
        let item = definition.item(link_id)?;
        let given = answers.get(link_id).filter(|_| !skipped.contains(link_id))?;
        answer::value(item, given)
    };
    let total = scoring.total.as_ref().and_then(|Banded { items, .. }| items.iter().map(|i| value(i)).sum());
    let band = scoring.total.as_ref().zip(total).and_then(|(t, total)| band_of(&t.bands, total));
    let items = scoring
        .per_item
        .iter()
        .flat_map(|per| {
            per.items.iter().filter_map(|link_id| {
                value(link_id).map(|v| ItemScore {
                    link_id: link_id.clone(),
                    value: v,
                    band: band_of(&per.bands, v),
                })
            })
        })
        .collect();
    let flags = scoring
        .flags
        .iter()
        .filter(|rule| value(&rule.item).is_some_and(|v| v > rule.above))
        .map(|rule| (rule.item.clone(), rule.label.clone()))
        .collect();
    Some(Score { total, band, items, flags })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::questionnaire::answer::Answer;
    use crate::domain::questionnaire::library;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), Answer::Codes(vec![v.to_string()]))).collect()
    }

    /// A questionnaire of `count` items `q1`… answered so that they add up to `total`.
    fn adding_up_to(prefix: &str, count: usize, total: usize) -> Answers {
        (1..=count)
            .map(|i| {
                let weight = (total.saturating_sub((i - 1) * 3)).min(3);
                (format!("{prefix}{i}"), Answer::Codes(vec![weight.to_string()]))
            })
            .collect()
    }

    fn english(score: &Score) -> Option<&str> {
        score.band.as_ref().map(|b| b.en.as_str())
    }

    #[test]
    fn phq9_bands_at_every_boundary() {
        let phq9 = library::shipped("phq-9").unwrap();
        let expected = [
            (0, "Minimal depression"),
            (4, "Minimal depression"),
            (5, "Mild depression"),
            (9, "Mild depression"),
            (10, "Moderate depression"),
            (14, "Moderate depression"),
            (15, "Moderately severe depression"),
            (19, "Moderately severe depression"),
            (20, "Severe depression"),
            (27, "Severe depression"),
        ];
        for (total, band) in expected {
            let score = score(&phq9, &adding_up_to("q", 9, total)).unwrap();
            assert_eq!(score.total, Some(total as i64));
            assert_eq!(english(&score), Some(band), "{total}");
        }
    }

    #[test]
    fn phq9_item_9_is_flagged_whenever_above_zero_whatever_the_total() {
        let phq9 = library::shipped("phq-9").unwrap();
        let mut given = adding_up_to("q", 9, 0);
        assert!(!score(&phq9, &given).unwrap().flagged());
        given.insert("q9".into(), Answer::Codes(vec!["1".into()]));
        let low = score(&phq9, &given).unwrap();
        assert_eq!(low.total, Some(1));
        assert_eq!(english(&low), Some("Minimal depression"));
        assert_eq!(low.flags.iter().map(|(item, _)| item.as_str()).collect::<Vec<_>>(), ["q9"]);
        let high = score(&phq9, &adding_up_to("q", 9, 27)).unwrap();
        assert!(high.flagged());
    }

    #[test]
    fn a_total_needs_every_item_it_adds_up() {
        let phq9 = library::shipped("phq-9").unwrap();
        let mut given = adding_up_to("q", 9, 12);
        given.remove("q4");
        let score = score(&phq9, &given).unwrap();
        assert_eq!((score.total, score.band), (None, None));
    }

    #[test]
    fn gad7_bands_at_every_boundary() {
        let gad7 = library::shipped("gad-7").unwrap();
        let expected = [
            (0, "Minimal anxiety"),
            (4, "Minimal anxiety"),
            (5, "Mild anxiety"),
            (9, "Mild anxiety"),
            (10, "Moderate anxiety"),
            (14, "Moderate anxiety"),
            (15, "Severe anxiety"),
            (21, "Severe anxiety"),
        ];
        for (total, band) in expected {
            let score = score(&gad7, &adding_up_to("q", 7, total)).unwrap();
            assert_eq!(score.total, Some(total as i64));
            assert_eq!(english(&score), Some(band), "{total}");
            assert!(!score.flagged());
        }
        assert!(score(&gad7, &answers(&[("q1", "3")])).unwrap().total.is_none());
    }

    #[test]
    fn esas_r_bands_each_symptom() {
        let esas = library::shipped("esas-r").unwrap();
        let symptoms = [
            "pain",
            "tiredness",
            "drowsiness",
            "nausea",
            "appetite",
            "breath",
            "depression",
            "anxiety",
            "wellbeing",
        ];
        for (value, band) in [
            (0, None),
            (1, Some("Mild")),
            (3, Some("Mild")),
            (4, Some("Moderate")),
            (6, Some("Moderate")),
            (7, Some("Severe")),
            (10, Some("Severe")),
        ] {
            let given: Answers =
                symptoms.iter().map(|s| (s.to_string(), Answer::Number(value as f64))).collect();
            let score = score(&esas, &given).unwrap();
            assert_eq!(score.items.len(), 9);
            for item in &score.items {
                assert_eq!(item.value, value);
                assert_eq!(item.band.as_ref().map(|b| b.en.as_str()), band, "{} at {value}", item.link_id);
            }
        }
        // The "other problem" is banded too once it is named and rated.
        let mut given: Answers = Answers::new();
        given.insert("other-name".into(), Answer::Text("Constipation".into()));
        given.insert("other".into(), Answer::Number(8.0));
        let score = score(&esas, &given).unwrap();
        assert_eq!(
            score.items.iter().map(|i| (i.link_id.as_str(), i.value)).collect::<Vec<_>>(),
            [("other", 8)]
        );
    }
}
