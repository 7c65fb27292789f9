//! Leptos 0.8.23 writes the page's CSP nonce as the `crossorigin` value of the preload links it
//! adds (`HydrationScripts`' script and WebAssembly, the lazy routes' chunks): `crossorigin="4bu…"`
//! is no valid value. Browsers read an unknown value as `anonymous`, which is what these
//! same-origin files need, so the page's HTML says so. The replacement runs on the streamed body
//! and holds back only the end of a chunk that could begin the text being replaced.
use axum::body::{Body, Bytes};
use futures::StreamExt;

/// `body` with every `crossorigin="<nonce>"` written `crossorigin="anonymous"`.
pub fn with_valid_crossorigin(body: Body, nonce: &str) -> Body {
    let wrong = format!("crossorigin=\"{nonce}\"").into_bytes();
    let chunks = body.into_data_stream().map(Some).chain(futures::stream::once(async { None }));
    let mut held: Vec<u8> = Vec::new();
    let fixed = chunks.filter_map(move |chunk| {
        let out = match chunk {
            Some(Ok(bytes)) => {
                held.extend_from_slice(&bytes);
                let text = replaced(&held, &wrong, br#"crossorigin="anonymous""#);
                let keep = partial_match_at_end(&text, &wrong);
                held = text[text.len() - keep..].to_vec();
                let ready = &text[..text.len() - keep];
                (!ready.is_empty()).then(|| Ok(Bytes::copy_from_slice(ready)))
            }
            Some(Err(error)) => Some(Err(error)),
            None => (!held.is_empty()).then(|| Ok(Bytes::from(std::mem::take(&mut held)))),
        };
        std::future::ready(out)
    });
    Body::from_stream(fixed)
}

fn replaced(text: &[u8], wrong: &[u8], right: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.windows(wrong.len()).position(|w| w == wrong) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(right);
        rest = &rest[at + wrong.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// How many bytes at the end of `text` are the start of `wrong` (it may end in the next chunk).
fn partial_match_at_end(text: &[u8], wrong: &[u8]) -> usize {
    (1..wrong.len().min(text.len() + 1)).rev().find(|&n| text.ends_with(&wrong[..n])).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    async fn through(chunks: &[&str], nonce: &str) -> String {
        let owned: Vec<Result<Bytes, std::io::Error>> =
            chunks.iter().map(|c| Ok(Bytes::copy_from_slice(c.as_bytes()))).collect();
        let body = with_valid_crossorigin(Body::from_stream(futures::stream::iter(owned)), nonce);
        String::from_utf8(body.collect().await.unwrap().to_bytes().to_vec()).unwrap()
    }

    #[tokio::test]
    async fn the_nonce_in_crossorigin_is_replaced_even_across_chunks() {
        let page = r#"<link rel="modulepreload" crossorigin="n0nce"/><script nonce="n0nce">x</script>"#;
        let expected =
            r#"<link rel="modulepreload" crossorigin="anonymous"/><script nonce="n0nce">x</script>"#;
        assert_eq!(through(&[page], "n0nce").await, expected);
        for split in 1..page.len() {
            assert_eq!(
                through(&[&page[..split], &page[split..]], "n0nce").await,
                expected,
                "split at {split}"
            );
        }
        assert_eq!(through(&["<p>crossori", "gin</p>"], "n0nce").await, "<p>crossorigin</p>");
    }
}
