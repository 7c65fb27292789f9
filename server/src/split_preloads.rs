//! A signed-in page names the chunks of its lazy route in `<link rel="preload">` tags, so the
//! browser fetches them while the main bundle compiles instead of one after the other once it
//! runs. Leptos 0.8.23 (leptos_integration_utils 0.8.9, `from_app`) looks up the chunk list, the
//! page's nonce and its `<head>` after the render, outside the render's reactive owner: it finds
//! whatever owner the worker thread last held. With one worker it found the page's; with two,
//! about one page in three came without its preloads. The render now says which owner is its
//! own (`remember`, from `routes::request_context`), and the page's handler is polled inside it.
use leptos::reactive::owner::Owner;
use std::future::Future;
use std::sync::{Arc, Mutex};

/// The reactive owner of one request's render, once the render has started.
#[derive(Clone, Default)]
pub struct RenderOwner(Arc<Mutex<Option<Owner>>>);

impl RenderOwner {
    /// Called inside the render's root owner.
    pub fn remember(&self) {
        *self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Owner::current();
    }

    fn get(&self) -> Option<Owner> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }
}

/// `page`, each poll inside the render's owner once there is one.
pub async fn in_render_owner<F: Future>(owner: RenderOwner, page: F) -> F::Output {
    let mut page = std::pin::pin!(page);
    std::future::poll_fn(|cx| match owner.get() {
        Some(render) => render.with(|| page.as_mut().poll(cx)),
        None => page.as_mut().poll(cx),
    })
    .await
}
