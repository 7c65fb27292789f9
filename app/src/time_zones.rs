//! The time zones an organisation may work in (Canada's), each named in words by a locale key.
//! Its dates and times — sign-in locks until midnight, the overview's weeks, every date shown to
//! its people — are in the zone its administrators choose.

/// Each zone's IANA name and the key of its name in words, east to west.
pub const ZONES: [(&str, &str); 8] = [
    ("America/St_Johns", "time-zone-newfoundland"),
    ("America/Halifax", "time-zone-atlantic"),
    ("America/Montreal", "time-zone-eastern"),
    ("America/Winnipeg", "time-zone-central"),
    ("America/Regina", "time-zone-saskatchewan"),
    ("America/Edmonton", "time-zone-mountain"),
    ("America/Vancouver", "time-zone-pacific"),
    ("America/Whitehorse", "time-zone-yukon"),
];

/// The zone as stored, when it is one of `ZONES`.
pub fn known(zone: &str) -> Option<&'static str> {
    ZONES.iter().map(|(name, _)| *name).find(|name| *name == zone)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn every_zone_is_one_the_calendar_reads() {
        for (zone, _) in super::ZONES {
            assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{zone}");
        }
        assert_eq!(super::known("America/Regina"), Some("America/Regina"));
        assert_eq!(super::known("Europe/Paris"), None);
    }
}
