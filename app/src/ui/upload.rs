//! Sends a form with files the way the server function client does (`Accept: application/json`,
//! the answer read as the server function's), but over `XMLHttpRequest`, the one browser API that
//! reports how much of a request body has left: a 10 MB file on a phone takes a while.
use crate::api::{ApiError, ErrorKind};
use leptos::server_fn::error::FromServerFnError;
use leptos::wasm_bindgen::{closure::Closure, JsCast};
use leptos::web_sys::{FormData, ProgressEvent, XmlHttpRequest};

/// Below this many bytes a form leaves at once: no progress bar flickers for a text message.
const WORTH_SHOWING: f64 = 256.0 * 1024.0;

/// Posts `data` to `path`; `on_progress` gets the share sent (0–100) while a large form leaves.
/// Returns where the server function sends the browser next, if it does.
pub async fn post(
    path: &str,
    data: &FormData,
    on_progress: impl Fn(Option<u8>) + 'static,
) -> Result<Option<String>, ApiError> {
    let request = XmlHttpRequest::new().map_err(|_| ApiError::internal())?;
    request.open("POST", path).map_err(|_| ApiError::internal())?;
    request.set_request_header("Accept", "application/json").map_err(|_| ApiError::internal())?;
    let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() && event.total() >= WORTH_SHOWING {
            on_progress(Some((event.loaded() / event.total() * 100.0).floor().min(100.0) as u8));
        }
    });
    if let Ok(upload) = request.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let finished = js_sys::Promise::new(&mut |resolve, _| request.set_onloadend(Some(&resolve)));
    request.send_with_opt_form_data(Some(data)).map_err(|_| ApiError::internal())?;
    let _ = wasm_bindgen_futures::JsFuture::from(finished).await;
    drop(progress);
    let status = request.status().unwrap_or(0);
    if status == 0 {
        return Err(ApiError::new(ErrorKind::Unavailable, "error-connection-lost"));
    }
    if (200..300).contains(&status) {
        let redirected =
            request.get_response_header(leptos::server_fn::redirect::REDIRECT_HEADER).ok().flatten();
        return Ok(redirected.and_then(|_| request.get_response_header("location").ok().flatten()));
    }
    let body = request.response_text().ok().flatten().unwrap_or_default();
    Err(ApiError::de(body.into()))
}
