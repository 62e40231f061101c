//! The feed reader (`feedwidgets::feed::parse`) on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| feedwidgets_fuzz::feed::check(data));
