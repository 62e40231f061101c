//! RFC 3339 timestamps, as JSON Feed and WordPress give them.

/// A point in time from the feed, kept both as the feed wrote it and as milliseconds since the
/// Unix epoch (for ordering and for `Intl.DateTimeFormat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub epoch_ms: i64,
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `T` may be a space or `t`. A missing
/// offset (WordPress's `date_gmt`) is taken as UTC.
pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
    let bytes = text.trim().as_bytes();
    if bytes.len() < 19 {
        return None;
    }
    // Digit by digit (`str::parse::<i64>` would bring the integer parser for this one use),
    // `u32::MAX` unless all are digits: each field's range check below refuses that, and a
    // plain number comes back in a register, where an `Option` comes back through memory.
    let number = |from: usize, to: usize| digits(bytes.get(from..to).unwrap_or_default());
    if bytes[4] != b'-' || bytes[7] != b'-' || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    if bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let (year, month, day) = (number(0, 4), number(5, 7), number(8, 10));
    let (hour, minute, second) = (number(11, 13), number(14, 16), number(17, 19));
    if year > 9999 || hour > 23 || minute > 59 || second > 60 || !(1..=12).contains(&month) {
        return None;
    }
    let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
    if day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let (hour, minute, second) = (i64::from(hour), i64::from(minute), i64::from(second));
    let mut rest = &bytes[19..];
    let mut millis = 0;
    if let Some((b'.', fraction)) = rest.split_first() {
        // One loop, counting the digits and adding up the first three, with no slicing or
        // indexing that would each bring a panic path.
        let (mut digits, mut scale) = (0, 100);
        while let Some(&digit) = fraction.get(digits).filter(|b| b.is_ascii_digit()) {
            millis += i64::from(digit - b'0') * scale;
            scale /= 10;
            digits += 1;
        }
        if digits == 0 {
            return None;
        }
        rest = fraction.get(digits..).unwrap_or_default();
    }
    let offset_minutes = match rest {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            // The date's own digit reader: `u32::MAX` for a field that is not all digits,
            // which the range check refuses.
            let (hours, minutes) = (digits(&[*h1, *h2]), digits(&[*m1, *m2]));
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = i64::from(hours * 60 + minutes);
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second.min(59) - offset_minutes * 60;
    Some(Timestamp {
        epoch_ms: seconds * 1_000 + millis,
    })
}

/// The number `field`'s digits make, `u32::MAX` unless all are digits.
fn digits(field: &[u8]) -> u32 {
    let mut value = 0u32;
    for &digit in field {
        if !digit.is_ascii_digit() {
            return u32::MAX;
        }
        value = value * 10 + u32::from(digit - b'0');
    }
    value
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
