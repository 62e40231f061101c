//! The collector's payload validation (`validate::parse_submission`) on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| feedwidgets_fuzz::collector::check(data));
