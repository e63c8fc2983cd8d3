//! A stand-in for Partner Center on 127.0.0.1, serving what the docs describe: the token
//! endpoint (form POST, `expires_in` as a string), `POST /v1/customers` (201 with a new ID and
//! the admin's credentials, idempotent on `MS-RequestId`), `POST /v1/customers/{id}/agreements`,
//! `GET /v1/customers` in pages (a `links.next` with `MS-ContinuationToken`, then a bare
//! `continuationToken`), `GET /v1/customers/{id}/profiles/billing`; and on demand 400s with
//! documented codes, 429 with `Retry-After`, a 500, a dropped connection, a request that never
//! gets an answer. Plain std: one thread per connection, `Connection: close`.

mod http;
mod routes;

use serde_json::Value;
use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

pub const APP_ID: &str = "6c2a1c1e-app-id";
pub const TENANT: &str = "contoso-partner.onmicrosoft.com";
pub const SECRET: &str = "app-secret-Zq8~xV3";
pub const REFRESH: &str = "refresh-token-0.AXoA9kP";
pub const ACCESS: &str = "access-token-eyJ0eXAi";

/// What the stand-in does besides answering well.
#[derive(Default)]
pub struct Behaviour {
    /// Create requests for these domains are refused: (domain, status, code, description).
    pub refuse: Vec<(String, u16, String, String)>,
    /// The first attempt of the first N distinct create requests gets a 429.
    pub throttle_first: usize,
    /// Domains whose first create attempt gets a 500.
    pub fail_once: Vec<String>,
    /// Domains whose first create attempt has its connection dropped.
    pub drop_once: Vec<String>,
    /// After this many customers, the next new one is created and never answered.
    pub hang_after: Option<usize>,
    /// The customers `GET /v1/customers` lists, and their billing profiles by ID.
    pub listed: Vec<Value>,
    pub profiles: HashMap<String, Value>,
    /// Billing profiles answered 403.
    pub refuse_profiles: Vec<String>,
}

/// What the stand-in has seen and holds.
#[derive(Default)]
pub struct State {
    pub behaviour: Behaviour,
    /// request ID → customer ID, for idempotency.
    pub by_request: HashMap<String, String>,
    /// Every customer created: (ID, domain).
    pub customers: Vec<(String, String)>,
    /// Every create attempt's request ID, in order.
    pub create_requests: Vec<String>,
    /// Confirmed agreements: request ID → customer ID.
    pub agreements: HashMap<String, String>,
    pub agreement_requests: Vec<String>,
    pub api_requests: usize,
    pub token_requests: usize,
    pub throttled: usize,
    pub correlation_ids: Vec<String>,
    /// GET headers seen, by path and query.
    pub gets: Vec<(String, Option<String>)>,
    pub(crate) attempts: HashMap<String, usize>,
    pub(crate) throttled_ids: Vec<String>,
    pub hung: bool,
    /// Anything a documented client would not do.
    pub violations: Vec<String>,
}

pub struct FakePc {
    pub url: String,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

impl FakePc {
    pub fn start(behaviour: Behaviour) -> FakePc {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State { behaviour, ..State::default() }));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (Arc::clone(&state), Arc::clone(&stop));
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (st, sp) = (Arc::clone(&st), Arc::clone(&sp));
                std::thread::spawn(move || routes::serve(conn, &st, &sp));
            }
        });
        FakePc { url, state, stop }
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The `[partner_center]` profile that points pc-onboard here.
    pub fn profile(&self, extra: &str) -> String {
        format!(
            "[partner_center]\napi_url = \"{0}\"\ntoken_url = \"{0}/{{tenant}}/oauth2/token\"\nmax_retries = 3\n{extra}\n",
            self.url
        )
    }
}

impl Drop for FakePc {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.url.trim_start_matches("http://"));
    }
}
