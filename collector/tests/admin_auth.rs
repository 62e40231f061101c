//! The admin credential: every endpoint that reveals or changes stored data, without, with a
//! wrong and with the right credential (Bearer and Basic), and with no token configured.

mod common;

use base64::Engine as _;
use reqwest::{header, Method, StatusCode};

use common::*;

/// Every admin endpoint, as (method, path).
fn endpoints() -> [(Method, String); 4] {
    [
        (Method::GET, "/report".to_owned()),
        (Method::GET, "/api/feedback/summary".to_owned()),
        (Method::GET, "/api/feedback.csv".to_owned()),
        (Method::DELETE, format!("/api/feedback/{}", id(1))),
    ]
}

fn basic(user: &str, password: &str) -> String {
    let pair = format!("{user}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

#[tokio::test]
async fn admin_endpoints_need_the_token_as_bearer_or_basic_password() {
    let (_dir, s) = start_default().await;
    let wrong = [
        None,
        Some(format!("Bearer {TOKEN}x")),
        Some("Bearer ".to_owned()),
        Some(basic("admin", "not-the-token-0123456789")),
        // The token as the user name is not the password.
        Some(basic(TOKEN, "")),
        Some(format!("Token {TOKEN}")),
    ];
    for (method, path) in endpoints() {
        for auth in &wrong {
            assert!(s.post(&payload(&id(1), 4)).await.status().is_success());
            let mut req = s.client.request(method.clone(), s.url(&path));
            if let Some(a) = auth {
                req = req.header(header::AUTHORIZATION, a);
            }
            let r = req.send().await.expect("send");
            let challenges: Vec<String> = r
                .headers()
                .get_all(header::WWW_AUTHENTICATE)
                .iter()
                .filter_map(|v| v.to_str().ok().map(str::to_owned))
                .collect();
            assert!(
                challenges.iter().any(|c| c.starts_with("Basic realm="))
                    && challenges.iter().any(|c| c.starts_with("Bearer realm=")),
                "{method} {path} with {auth:?}: {challenges:?}"
            );
            assert_error(r, StatusCode::UNAUTHORIZED, "unauthorized", None).await;
        }
        assert_eq!(s.rows().await.len(), 1, "a refused DELETE deletes nothing");
        let right = [
            format!("Bearer {TOKEN}"),
            basic("admin", TOKEN),
            basic("", TOKEN),
        ];
        for auth in right {
            assert!(s.post(&payload(&id(1), 4)).await.status().is_success());
            let r = s
                .client
                .request(method.clone(), s.url(&path))
                .header(header::AUTHORIZATION, &auth)
                .send()
                .await
                .expect("send");
            let expected = if method == Method::DELETE {
                StatusCode::NO_CONTENT
            } else {
                StatusCode::OK
            };
            assert_eq!(r.status(), expected, "{method} {path} with {auth}");
            assert_eq!(r.headers()[header::CACHE_CONTROL], "no-store");
        }
    }
}

#[tokio::test]
async fn without_a_token_admin_endpoints_are_off_and_say_how_to_turn_them_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut c = config(dir.path());
    c.admin_token = None;
    let s = start(c).await;
    assert_eq!(
        s.post(&payload(&id(1), 4)).await.status(),
        StatusCode::CREATED
    );
    for (method, path) in endpoints() {
        let r = admin(s.client.request(method.clone(), s.url(&path)))
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{method} {path}");
        let body = json_body(r).await;
        assert_eq!(body["error"], "admin_disabled");
        let message = body["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("--admin-token-file") && message.contains("FW_ADMIN_TOKEN"),
            "{message}"
        );
    }
    assert_eq!(s.rows().await.len(), 1);
    assert_eq!(
        s.get("/healthz").await.status(),
        StatusCode::OK,
        "health stays open"
    );
}

#[tokio::test]
async fn token_from_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("admin-token");
    std::fs::write(&file, format!("{TOKEN}\n")).expect("write token file");
    let mut c = config(dir.path());
    c.admin_token = None;
    c.admin_token_file = Some(file);
    let s = start(c).await;
    assert_eq!(s.admin_get("/report").await.status(), StatusCode::OK);
    assert_eq!(s.get("/report").await.status(), StatusCode::UNAUTHORIZED);
}
