//! The browser's side of a passkey ceremony: `navigator.credentials.create` or `.get` on the
//! options the server sent (JSON, read with `PublicKeyCredential.parse…OptionsFromJSON`), and the
//! credential back as JSON (`toJSON`). Browsers without these (or pages without JavaScript) have
//! no passkey buttons; the server-rendered page never shows them.
use crate::api::ApiError;

/// The browser did not give a credential: the person cancelled, the dialog timed out, or this
/// browser cannot make passkeys.
fn declined() -> ApiError {
    ApiError::invalid("passkey-cancelled")
}

#[cfg(feature = "hydrate")]
mod browser {
    use js_sys::{Function, Object, Promise, Reflect, JSON};
    use wasm_bindgen::{JsCast, JsValue};

    fn property(of: &JsValue, name: &str) -> Option<JsValue> {
        Reflect::get(of, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn class() -> Option<JsValue> {
        property(&js_sys::global(), "PublicKeyCredential")
    }

    pub fn supported() -> bool {
        class().is_some_and(|class| {
            property(&class, "parseCreationOptionsFromJSON").is_some()
                && property(&class, "parseRequestOptionsFromJSON").is_some()
        })
    }

    /// `navigator.credentials[call]({ publicKey: PublicKeyCredential[parse](options.publicKey) })`.
    pub async fn ceremony(options: &str, parse: &str, call: &str) -> Option<String> {
        let class = class()?;
        let public_key = property(&JSON::parse(options).ok()?, "publicKey")?;
        let parse: Function = property(&class, parse)?.dyn_into().ok()?;
        let argument = Object::new();
        Reflect::set(&argument, &"publicKey".into(), &parse.call1(&class, &public_key).ok()?).ok()?;
        let credentials = property(&web_sys::window()?.navigator().into(), "credentials")?;
        let call: Function = property(&credentials, call)?.dyn_into().ok()?;
        let promise: Promise = call.call1(&credentials, &argument).ok()?.dyn_into().ok()?;
        let credential = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        let to_json: Function = property(&credential, "toJSON")?.dyn_into().ok()?;
        JSON::stringify(&to_json.call0(&credential).ok()?).ok()?.as_string()
    }
}

/// Whether this browser can make and use passkeys (false on the server: buttons appear once live).
pub fn supported() -> bool {
    #[cfg(feature = "hydrate")]
    return browser::supported();
    #[cfg(not(feature = "hydrate"))]
    false
}

/// A new passkey, made by the device on the server's options; its credential as JSON.
pub async fn create(options: &str) -> Result<String, ApiError> {
    #[cfg(feature = "hydrate")]
    return browser::ceremony(options, "parseCreationOptionsFromJSON", "create").await.ok_or_else(declined);
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = options;
        Err(declined())
    }
}

/// The device's signature with one of its passkeys on the server's challenge, as JSON.
pub async fn get(options: &str) -> Result<String, ApiError> {
    #[cfg(feature = "hydrate")]
    return browser::ceremony(options, "parseRequestOptionsFromJSON", "get").await.ok_or_else(declined);
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = options;
        Err(declined())
    }
}
