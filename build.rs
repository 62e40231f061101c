//! Minifies the widget stylesheets into OUT_DIR: comments and layout white space cost bundle
//! bytes and carry nothing for the browser. The sources (src/style, and a widget's own next to
//! its code) stay readable. The dark theme's declarations (src/style/dark.css) are written
//! once and added to the base sheet under both of the selectors that turn it on.

use std::{env, fs, path::Path};

/// Each stylesheet's name in OUT_DIR and the folder of its source.
const SHEETS: [(&str, &str); 4] = [
    ("base", "src/style"),
    ("carousel", "src/widgets/carousel"),
    ("feedback", "src/widgets/feedback"),
    ("disclaimer", "src/widgets/disclaimer"),
];

/// The Rust stack of the release Wasm, in bytes, instead of rustc's 1 MiB. The deepest stack
/// measured on the inputs that nest the most (bench/carousel/stack.mjs: 100,000-deep feeds, the
/// fuzz regressions, all three widgets in use) is under 11 KB: the feed reader builds values
/// only 32 levels deep and checks deeper text without recursion. 128 KiB leaves 12 times that,
/// and the stack comes first in memory (rustc's `--stack-first`), so an overflow would trap
/// rather than write over data. scripts/check-low-memory.mjs wants at least 65 KiB.
const RELEASE_WASM_STACK: u32 = 128 * 1024;

fn main() {
    // Only the release Wasm: debug builds (the wasm-bindgen tests) have far larger frames.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && env::var("PROFILE").as_deref() == Ok("release")
    {
        println!("cargo:rustc-link-arg=-zstack-size={RELEASE_WASM_STACK}");
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (name, folder) in SHEETS {
        let source = format!("{folder}/{name}.css");
        println!("cargo:rerun-if-changed={source}");
        let css = fs::read_to_string(&source).expect("stylesheet is readable");
        let mut out = minify(&css);
        if name == "base" {
            out.push_str(&dark_rules());
        }
        fs::write(Path::new(&out_dir).join(format!("{name}.css")), out)
            .expect("OUT_DIR is writable");
    }
}

/// The dark theme, on for `theme="dark"` and, under a dark preference, for `theme="auto"`.
/// One set of values for both, so they cannot drift apart.
fn dark_rules() -> String {
    const SOURCE: &str = "src/style/dark.css";
    println!("cargo:rerun-if-changed={SOURCE}");
    let declarations = minify(&fs::read_to_string(SOURCE).expect("stylesheet is readable"));
    format!(
        ".fw-root[data-theme=dark]{{{declarations}}}\
         @media (prefers-color-scheme:dark){{.fw-root[data-theme=auto]{{{declarations}}}}}"
    )
}

/// Drops comments and collapses white space, keeping one space where two words meet (so
/// `0.5em 1em` and selectors like `.a .b` survive) and none around punctuation.
fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    let mut pending_space = false;
    for c in without_comments.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            let previous = out.chars().last();
            let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>' | ':');
            if previous.is_some_and(|p| !tight(p)) && !matches!(c, '{' | '}' | ';' | ',' | '>') {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}
