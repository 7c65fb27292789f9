//! Forms that send one file (multipart): the file is read here, whatever other fields come with it.
use super::ApiError;

/// The file sent in `field` (its name and content), read to one byte over `max_bytes` — enough
/// for the domain to refuse it; `None` when no file was chosen.
pub(super) async fn one_file(
    data: leptos::server_fn::codec::MultipartData,
    field: &str,
    max_bytes: usize,
) -> Result<Option<(String, Vec<u8>)>, ApiError> {
    let unreadable = |_| ApiError::invalid("error-request-invalid");
    let mut multipart = data.into_inner().ok_or_else(|| ApiError::invalid("error-request-invalid"))?;
    let mut file = None;
    while let Some(mut part) = multipart.next_field().await.map_err(unreadable)? {
        let name = part.name().unwrap_or_default().to_string();
        let file_name = part.file_name().unwrap_or_default().to_string();
        let mut content = Vec::new();
        while let Some(chunk) = part.chunk().await.map_err(unreadable)? {
            if content.len() <= max_bytes {
                content.extend_from_slice(&chunk);
            }
        }
        if name == field && !file_name.is_empty() {
            file = Some((file_name, content));
        }
    }
    Ok(file)
}
