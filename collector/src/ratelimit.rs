//! Per-client-IP rate limiting of submissions (GCRA via `governor`).

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::error::ApiError;

/// Keyed limiter plus how to find the key.
pub struct RateLimit {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
    trust_forwarded_for: bool,
}

impl RateLimit {
    /// `per_minute` sustained requests per client, up to `burst` at once.
    pub fn new(per_minute: NonZeroU32, burst: NonZeroU32, trust_forwarded_for: bool) -> Self {
        let quota = Quota::per_minute(per_minute).allow_burst(burst);
        Self {
            limiter: DefaultKeyedRateLimiter::keyed(quota),
            clock: DefaultClock::default(),
            trust_forwarded_for,
        }
    }

    /// Takes one token for `ip`, or says how long until one is available.
    pub fn check(&self, ip: IpAddr) -> Result<(), Duration> {
        self.limiter
            .check_key(&bucket(ip))
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }

    /// Forgets clients whose bucket is full again, so memory stays bounded by the number of
    /// recently active clients.
    pub fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }

    /// The client IP: the socket peer, or the last `X-Forwarded-For` hop when trusted (the
    /// entry appended by our own proxy; earlier ones are client-controlled).
    pub fn client_ip(&self, peer: Option<SocketAddr>, headers: &HeaderMap) -> IpAddr {
        let forwarded = self
            .trust_forwarded_for
            .then(|| {
                headers
                    .get_all("x-forwarded-for")
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .flat_map(|v| v.split(','))
                    .last()
                    .and_then(|ip| ip.trim().parse::<IpAddr>().ok())
            })
            .flatten();
        forwarded
            .or(peer.map(|p| p.ip()))
            .unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }
}

/// One IPv6 host usually owns a whole /64, so per-address buckets would be trivial to dodge.
fn bucket(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & (u128::MAX << 64))),
        },
        v4 => v4,
    }
}

/// Middleware for the submission route: 429 with `Retry-After` once a client is over quota.
pub async fn limit(State(rate): State<Arc<RateLimit>>, req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let ip = rate.client_ip(peer, req.headers());
    match rate.check(ip) {
        Ok(()) => next.run(req).await,
        Err(wait) => {
            // Round up: retrying after a truncated delay would be refused again.
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let secs = secs.max(1);
            crate::logs::RATE_LIMITED.hit(&"");
            ApiError {
                retry_after_secs: Some(secs),
                ..ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "rate_limited",
                    format!("too many submissions; retry in {secs} s"),
                )
            }
            .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nz(n: u32) -> NonZeroU32 {
        NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
    }

    #[test]
    fn burst_then_refuse_with_wait() {
        let rl = RateLimit::new(nz(6), nz(2), false);
        let ip: IpAddr = [10, 0, 0, 1].into();
        assert!(rl.check(ip).is_ok());
        assert!(rl.check(ip).is_ok());
        let wait = rl.check(ip).err().unwrap_or_default();
        // 6 per minute = one token every 10 s.
        assert!(
            wait > Duration::from_secs(8) && wait <= Duration::from_secs(10),
            "{wait:?}"
        );
        // Other clients are unaffected.
        assert!(rl.check([10, 0, 0, 2].into()).is_ok());
    }

    #[test]
    fn ipv6_shares_a_bucket_per_64() {
        let rl = RateLimit::new(nz(1), nz(1), false);
        assert!(rl
            .check("2001:db8::1".parse().unwrap_or(IpAddr::from([0; 4])))
            .is_ok());
        assert!(rl
            .check("2001:db8::2".parse().unwrap_or(IpAddr::from([0; 4])))
            .is_err());
    }

    #[test]
    fn forwarded_for_only_when_trusted() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "1.1.1.1, 2.2.2.2"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        let peer: SocketAddr = ([127, 0, 0, 1], 5000).into();
        let untrusted = RateLimit::new(nz(1), nz(1), false);
        assert_eq!(
            untrusted.client_ip(Some(peer), &h),
            IpAddr::from([127, 0, 0, 1])
        );
        let trusted = RateLimit::new(nz(1), nz(1), true);
        assert_eq!(
            trusted.client_ip(Some(peer), &h),
            IpAddr::from([2, 2, 2, 2])
        );
    }
}
