//! Random tokens for links and sessions. Only their SHA-256 is stored, so a database leak
//! does not hand out working links or sessions.
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The length of every token `new_token` makes (128 bits in URL-safe base64): anything shorter in
/// a path is a word of the route, not a token (the access log keeps those words).
pub const SHORTEST_TOKEN: usize = 22;

/// 128 random bits, URL-safe, plus the hash to store.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = data_encoding::BASE64URL_NOPAD.encode(&bytes);
    let hash = hash_token(&token);
    (token, hash)
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether a secret (or its hash) and what was given are the same, compared in a time that does
/// not depend on where they differ.
pub fn same(expected: &str, given: &str) -> bool {
    use subtle::ConstantTimeEq;
    expected.len() == given.len() && bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_bits_and_distinct() {
        let (a, ha) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert_eq!(data_encoding::BASE64URL_NOPAD.decode(a.as_bytes()).unwrap().len(), 16);
        assert_eq!(ha, hash_token(&a));
        assert_eq!(ha.len(), 64);
        assert_eq!(a.len(), SHORTEST_TOKEN);
    }

    #[test]
    fn only_the_same_text_is_the_same() {
        assert!(same("123456", "123456"));
        for other in ["123457", "023456", "12345", "1234567", ""] {
            assert!(!same("123456", other), "{other:?}");
        }
    }
}
