//! A stand-in for Partner Center on 127.0.0.1, serving what the docs describe: the token
//! endpoint (form POST, `expires_in` as a string), `POST /v1/customers` (201 with a new ID and
//! the admin's credentials, idempotent on `MS-RequestId`), `POST /v1/customers/{id}/agreements`,
//! `GET /v1/customers` in pages (a `links.next` with `MS-ContinuationToken`, then a bare
//! `continuationToken`), `GET /v1/customers/{id}/profiles/billing`; and on demand 400s with
//! documented codes, 429 with `Retry-After`, a 500, a dropped connection, a request that never
//! gets an answer. Plain std: one thread per connection, `Connection: close`.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

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
    attempts: HashMap<String, usize>,
    throttled_ids: Vec<String>,
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
                std::thread::spawn(move || serve(conn, &st, &sp));
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

struct Request {
    method: String,
    target: String,
    headers: HashMap<String, String>,
    body: String,
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut r = BufReader::new(stream);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
    }
    let len: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body).ok()?;
    Some(Request { method, target, headers, body: String::from_utf8_lossy(&body).into_owned() })
}

fn respond(mut stream: TcpStream, status: u16, extra: &str, body: &Value) {
    let body = body.to_string();
    let reason = match status {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        _ => "Internal Server Error",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(body.as_bytes()));
}

fn serve(stream: TcpStream, state: &Mutex<State>, stop: &AtomicBool) {
    let Some(req) = read_request(&stream) else { return };
    let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
    if req.target.ends_with("/oauth2/token") {
        st.token_requests += 1;
        let form = parse_form(&req.body);
        let ok = form.get("client_id").map(String::as_str) == Some(APP_ID)
            && form.get("client_secret").map(String::as_str) == Some(SECRET)
            && form.get("grant_type").map(String::as_str) == Some("refresh_token")
            && form.get("refresh_token").map(String::as_str) == Some(REFRESH)
            && form.get("resource").map(String::as_str) == Some("https://api.partnercenter.microsoft.com")
            && req.target == format!("/{TENANT}/oauth2/token");
        drop(st);
        return if ok {
            respond(
                stream,
                200,
                "",
                &json!({"token_type": "Bearer", "expires_in": "3600", "access_token": ACCESS}),
            )
        } else {
            let e = json!({"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 0"});
            respond(stream, 400, "", &e)
        };
    }
    st.api_requests += 1;
    if req.headers.get("authorization").map(String::as_str) != Some(&format!("Bearer {ACCESS}")) {
        drop(st);
        return respond(
            stream,
            401,
            "",
            &json!({"code": "800001", "description": "Partner Token missing in request context"}),
        );
    }
    let rid = req.headers.get("ms-requestid").cloned().unwrap_or_default();
    let cid = req.headers.get("ms-correlationid").cloned().unwrap_or_default();
    for (name, v) in [("MS-RequestId", &rid), ("MS-CorrelationId", &cid)] {
        if uuid::Uuid::parse_str(v).is_err() {
            st.violations.push(format!("{} {}: {name} '{v}' is not a GUID", req.method, req.target));
        }
    }
    st.correlation_ids.push(cid);
    let path = req.target.split('?').next().unwrap_or("").to_string();
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (req.method.as_str(), segs.as_slice()) {
        ("POST", ["v1", "customers"]) => create(stream, st, &req, rid, stop),
        ("POST", ["v1", "customers", id, "agreements"]) => {
            st.agreement_requests.push(rid.clone());
            if !st.customers.iter().any(|(c, _)| c == id) {
                drop(st);
                return respond(
                    stream,
                    404,
                    "",
                    &json!({"code": "60003", "description": "Tenant not found"}),
                );
            }
            st.agreements.insert(rid, id.to_string());
            let mut body: Value = serde_json::from_str(&req.body).unwrap_or_default();
            body["userId"] = json!("3d6f2c09-eb40-48ca-a4b3-d24c9c007531");
            drop(st);
            respond(stream, 201, "", &body)
        }
        ("GET", ["v1", "customers"]) => {
            let token = req.headers.get("ms-continuationtoken").cloned();
            st.gets.push((req.target.clone(), token.clone()));
            let size: usize = query(&req.target, "size").and_then(|s| s.parse().ok()).unwrap_or(40);
            let page = match token.as_deref() {
                None => 0,
                Some(t) => match t.strip_prefix("page-").and_then(|n| n.parse().ok()) {
                    Some(n) => n,
                    None => {
                        return respond(
                            stream,
                            400,
                            "",
                            &json!({"code": "800002", "description": "bad token"}),
                        )
                    }
                },
            };
            let all = &st.behaviour.listed;
            let items: Vec<Value> = all.iter().skip(page * size).take(size).cloned().collect();
            let mut body =
                json!({"totalCount": all.len(), "items": items, "attributes": {"objectType": "Collection"}});
            if (page + 1) * size < all.len() {
                let next = format!("page-{}", page + 1);
                // The first page links to the next; later ones give only the token.
                if page == 0 {
                    body["links"] = json!({"next": {"uri": format!("/v1/customers?size={size}&seekOperation=Next"),
                        "method": "GET", "headers": [{"key": "MS-ContinuationToken", "value": next}]}});
                } else {
                    body["continuationToken"] = json!(next);
                }
            }
            drop(st);
            respond(stream, 200, "", &body)
        }
        ("GET", ["v1", "customers", id, "profiles", "billing"]) => {
            st.gets.push((req.target.clone(), None));
            let refused = st.behaviour.refuse_profiles.iter().any(|r| r == id);
            let profile = st.behaviour.profiles.get(*id).cloned();
            drop(st);
            match (refused, profile) {
                (false, Some(p)) => respond(stream, 200, "", &p),
                (true, _) => {
                    respond(stream, 403, "", &json!({"code": "2032", "description": "Access denied"}))
                }
                _ => respond(stream, 404, "", &json!({"code": "60003", "description": "Tenant not found"})),
            }
        }
        _ => {
            st.violations.push(format!("unknown request {} {}", req.method, req.target));
            drop(st);
            respond(stream, 404, "", &json!({"code": "1000", "description": "Not found"}))
        }
    }
}

fn create(stream: TcpStream, mut st: MutexGuard<'_, State>, req: &Request, rid: String, stop: &AtomicBool) {
    st.create_requests.push(rid.clone());
    let body: Value = serde_json::from_str(&req.body).unwrap_or_default();
    let domain = body["companyProfile"]["domain"].as_str().unwrap_or("").to_string();
    let attempt = {
        let n = st.attempts.entry(rid.clone()).or_insert(0);
        *n += 1;
        *n
    };
    if attempt == 1 && st.throttled_ids.len() < st.behaviour.throttle_first {
        st.throttled_ids.push(rid);
        st.throttled += 1;
        drop(st);
        let e = json!({"statusCode": 429, "message": "Rate limit is exceeded. Try again in 1 seconds."});
        return respond(stream, 429, "Retry-After: 1\r\n", &e);
    }
    if attempt == 1 && st.behaviour.drop_once.contains(&domain) {
        return; // the stream is closed without an answer
    }
    if attempt == 1 && st.behaviour.fail_once.contains(&domain) {
        drop(st);
        return respond(
            stream,
            500,
            "",
            &json!({"code": "800003", "description": "Unexpected service error"}),
        );
    }
    if let Some((_, status, code, desc)) = st.behaviour.refuse.iter().find(|r| r.0 == domain).cloned() {
        drop(st);
        return respond(
            stream,
            status,
            "",
            &json!({"code": code, "description": desc, "data": [], "source": "PartnerFD"}),
        );
    }
    let id = match st.by_request.get(&rid) {
        Some(id) => id.clone(),
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            st.by_request.insert(rid.clone(), id.clone());
            st.customers.push((id.clone(), domain.clone()));
            if st.behaviour.hang_after.is_some_and(|n| st.customers.len() > n) {
                // Created, but the answer never comes: the client is killed waiting.
                st.hung = true;
                drop(st);
                while !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(20));
                }
                return;
            }
            id
        }
    };
    drop(st);
    let mut answer = body;
    answer["id"] = json!(id);
    answer["companyProfile"]["tenantId"] = json!(id);
    answer["userCredentials"] = json!({"userName": "admin", "password": format!("Pw-{}", &id[..8])});
    answer["relationshipToPartner"] = json!("reseller");
    respond(stream, 201, "", &answer)
}

fn query(target: &str, key: &str) -> Option<String> {
    target
        .split_once('?')?
        .1
        .split('&')
        .find_map(|kv| kv.strip_prefix(&format!("{key}=")).map(str::to_string))
}

/// `application/x-www-form-urlencoded`, decoded.
fn parse_form(body: &str) -> HashMap<String, String> {
    let decode = |s: &str| {
        let s = s.replace('+', " ");
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match (bytes[i], s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())) {
                (b'%', Some(b)) => {
                    out.push(b);
                    i += 3;
                }
                (b, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    body.split('&').filter_map(|kv| kv.split_once('=')).map(|(k, v)| (decode(k), decode(v))).collect()
}
