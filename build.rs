//! Minifies the widget stylesheets into OUT_DIR: comments and layout white space cost bundle
//! bytes and carry nothing for the browser. The sources (src/style, and a widget's own next to
//! its code) stay readable.

use std::{env, fs, path::Path};

/// Each stylesheet's name in OUT_DIR and the folder of its source.
const SHEETS: [(&str, &str); 4] = [
    ("base", "src/style"),
    ("carousel", "src/widgets/carousel"),
    ("feedback", "src/widgets/feedback"),
    ("disclaimer", "src/widgets/disclaimer"),
];

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (name, folder) in SHEETS {
        let source = format!("{folder}/{name}.css");
        println!("cargo:rerun-if-changed={source}");
        let css = fs::read_to_string(&source).expect("stylesheet is readable");
        fs::write(
            Path::new(&out_dir).join(format!("{name}.css")),
            minify(&css),
        )
        .expect("OUT_DIR is writable");
    }
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
