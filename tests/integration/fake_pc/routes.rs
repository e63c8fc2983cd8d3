//! The stand-in's endpoints: the token endpoint, create customer, confirm agreement, list
//! customers in pages, billing profile; and the failures a test asks for.

use super::http::{parse_form, query, read_request, respond, Request};
use super::{State, ACCESS, APP_ID, REFRESH, SECRET, TENANT};
use serde_json::{json, Value};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

pub fn serve(stream: TcpStream, state: &Mutex<State>, stop: &AtomicBool) {
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
