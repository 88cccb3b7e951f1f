//! How WebKitGTK draws when there is no GPU. Its DMA-BUF renderer then composites through
//! Mesa's software OpenGL (llvmpipe), which keeps about 65–90 MB more in the web process
//! than drawing without it (docs/BENCHMARKS.md, "Memory at rest"). Without a GPU nothing is
//! gained by it, so the app turns it off before GTK starts, unless the variable is already set:
//! a value given by the user or a test ("0" keeps the renderer) is left alone.

/// WebKitGTK's own switch; any value but "0" turns the DMA-BUF renderer off.
pub const DMABUF_VAR: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// The value to give `DMABUF_VAR`, if any.
pub fn dmabuf_choice(already_set: bool, has_gpu: bool) -> Option<&'static str> {
    (!already_set && !has_gpu).then_some("1")
}

/// A GPU that can render shows up as a DRM render node.
#[cfg(target_os = "linux")]
fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|dir| dir.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

/// Sets the renderer switch; call first thing in `main`, before any thread or GTK starts.
pub fn choose() {
    #[cfg(target_os = "linux")]
    if let Some(value) = dmabuf_choice(std::env::var_os(DMABUF_VAR).is_some(), has_render_node()) {
        std::env::set_var(DMABUF_VAR, value);
    }
}

#[cfg(test)]
mod tests {
    use super::dmabuf_choice;

    #[test]
    fn the_renderer_is_turned_off_only_without_a_gpu_and_a_choice() {
        assert_eq!(dmabuf_choice(false, false), Some("1"));
        assert_eq!(dmabuf_choice(false, true), None, "a GPU keeps the DMA-BUF renderer");
        assert_eq!(dmabuf_choice(true, false), None, "a value already set is left alone");
    }
}
