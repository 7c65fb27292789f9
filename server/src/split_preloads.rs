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

    fn let_go(&self) {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
    }
}

/// `page`, each poll inside the render's owner once there is one. The owner is let go when
/// `page` ends or is dropped: the render's context holds the request, whose extensions hold this
/// slot, so keeping it would keep every render (and what its context holds) alive for good.
pub async fn in_render_owner<F: Future>(owner: RenderOwner, page: F) -> F::Output {
    struct LetGo(RenderOwner);
    impl Drop for LetGo {
        fn drop(&mut self) {
            self.0.let_go();
        }
    }
    let owner = LetGo(owner);
    let mut page = std::pin::pin!(page);
    std::future::poll_fn(|cx| match owner.0.get() {
        Some(render) => render.with(|| page.as_mut().poll(cx)),
        None => page.as_mut().poll(cx),
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::{provide_context, use_context};
    use leptos::reactive::owner::WeakOwner;

    /// A render whose only strong reference is its slot, as `routes::request_context` leaves
    /// it: its context holds the slot, which holds it back.
    fn render_held_by_its_slot() -> (RenderOwner, WeakOwner) {
        let slot = RenderOwner::default();
        let render = Owner::new_root(None);
        render.with(|| {
            provide_context(slot.clone());
            slot.remember();
        });
        (slot, render.downgrade())
    }

    #[test]
    fn the_page_runs_inside_its_render_and_lets_it_go_at_the_end() {
        let (slot, render) = render_held_by_its_slot();
        let page = async { use_context::<RenderOwner>().is_some() };
        assert!(futures::executor::block_on(in_render_owner(slot.clone(), page)), "polled inside the render");
        assert!(slot.get().is_none());
        assert!(render.upgrade().is_none(), "nothing keeps the render alive");
    }

    #[test]
    fn a_page_dropped_before_its_end_lets_its_render_go_too() {
        let (slot, render) = render_held_by_its_slot();
        let mut page = Box::pin(in_render_owner(slot.clone(), std::future::pending::<()>()));
        let waker = futures::task::noop_waker();
        assert!(page.as_mut().poll(&mut std::task::Context::from_waker(&waker)).is_pending());
        drop(page);
        assert!(slot.get().is_none());
        assert!(render.upgrade().is_none());
    }
}
