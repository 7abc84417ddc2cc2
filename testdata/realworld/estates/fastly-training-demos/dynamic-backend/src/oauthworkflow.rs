
mod config;
mod cookies;
mod idp;
mod jwt;
mod pkce;
mod responses;

use config::Config;
use idp::{AuthCodePayload, AuthorizeResponse, CallbackQueryParameters, ExchangePayload};
use jwt::{validate_token_rs256, NonceToken};
use jwt_simple::claims::NoCustomClaims;
use pkce::{rand_chars, Pkce};
use fastly::http::header::AUTHORIZATION;
use fastly::{Error, Request, Response};


pub fn do_oauth_workflow(mut req: Request) -> Result<Response, Error> {
    let fastly_service_version =
        std::env::var("FASTLY_SERVICE_VERSION").unwrap_or_else(|_| String::new());

    // Log service version
    println!("FASTLY_SERVICE_VERSION: {}", fastly_service_version);

    // Load the service configuration, and the OpenID discovery and token signature metadata.
    let settings = Config::load();

    // Parse the Cookie header.
    let cookie_header = req.remove_header_str("cookie").unwrap_or_default();
    let cookie = cookies::parse(&cookie_header);

    println!("Cookie map: {:?}", cookie);

    // Build the OAuth 2.0 redirect URL.
    let redirect_uri = match (fastly_service_version.as_str(), req.get_header("original-host")) {
        ("0" , None) => format!(
            "http://{}:7676{}",
            req.get_url().host_str().unwrap(),
            settings.config.callback_path
        ),
        (_, Some(original_host)) => {
            println!("redirect_uri: original_host header");
            format!(
                "https://{}{}",
                original_host.to_str()?,
                settings.config.callback_path
            )
        },
        (_, None) => format!(
            "https://{}{}",
            req.get_url().host_str().unwrap(),
            settings.config.callback_path
        ),
    };

    // If the path matches the redirect URL path, continue the OAuth 2.0 authorization code flow.
    let req_redirect_url = Request::get(&redirect_uri);
    if req.get_path().starts_with(req_redirect_url.get_path()) {
        // VERIFY THE AUTHORIZATION CODE AND EXCHANGE IT FOR TOKENS.
        println!("Authorization code obtained; verifying and exchanging for tokens...");

        // Retrieve the code and state from the query string.
        let qs: CallbackQueryParameters = req.get_query().unwrap();
        // Verify that the state matches what we've stored, and exchange the authorization code for tokens.
        return match (cookie.get("state"), cookie.get("code_verifier")) {
            (Some(state), Some(code_verifier)) => {
                println!("state and code_verifier cookies found.");

                // Authenticate the state token returned by the IdP,
                // and verify that the state we stored matches its subject claim.
                println!("Verifying the token's claims and matching state...");
                match NonceToken::new(settings.config.nonce_secret).get_claimed_state(&qs.state) {
                    Some(claimed_state) => {
                        if state != &claimed_state {
                            return Ok(responses::unauthorized("State mismatch."));
                        }
                    }
                    _ => {
                        return Ok(responses::unauthorized("Could not verify state."));
                    }
                };
                // Exchange the authorization code for tokens.
                println!("Exchanging the authorization code for tokens...");
                let mut exchange_res = Request::post(settings.openid_configuration.token_endpoint)
                    .with_body_form(&ExchangePayload {
                        client_id: settings.config.client_id,
                        client_secret: settings.config.client_secret,
                        code: &qs.code,
                        code_verifier,
                        grant_type: "authorization_code",
                        redirect_uri: &redirect_uri,
                    })
                    .unwrap()
                    .send("idp")?;
                // If the exchange is successful, proceed with the original request.
                if exchange_res.get_status().is_success() {
                    println!("Exchange successful. Recreating the original request...");
                    // Strip the random state from the state cookie value to get the original request.
                    let original_req =
                        &state[..(state.len() - settings.config.state_parameter_length)];
                    // Deserialize the response from the authorize step.
                    let auth = exchange_res.take_body_json::<AuthorizeResponse>().unwrap();
                    // Replay the original request, setting the tokens as cookies.
                    Ok(responses::temporary_redirect(
                        original_req,
                        cookies::persistent("access_token", &auth.access_token, auth.expires_in),
                        cookies::persistent("id_token", &auth.id_token, auth.expires_in),
                        cookies::expired("code_verifier"),
                        cookies::expired("state"),
                    ))
                // Otherwise, surface any errors from the Identity Provider.
                } else {
                    println!(
                        "Ok(responses::unauthorized(exchange_res.take_body())) {:?}",
                        exchange_res
                    );
                    Ok(responses::unauthorized(exchange_res.take_body()))
                }
            }
            _ => {
                println!("Ok(responses::unauthorized(State cookies not found.))");
                Ok(responses::unauthorized("State cookies not found."))
            }
        };
    }

    // Verify any tokens stored as a result of a complete OAuth 2.0 authorization code flow.
    if let (Some(access_token), Some(id_token)) =
        (cookie.get("access_token"), cookie.get("id_token"))
    {
        println!("Access token and ID token found; validating...");
        if settings.config.introspect_access_token {
            println!("Validating the access token remotely with the IdP's userinfo endpoint...");
            // Validate the access token using the OpenID userinfo endpoint;
            // bearer authentication supports opaque, JWT and other token types (PASETO, Hawk),
            // depending on your Identity Provider configuration.
            let mut userinfo_res = Request::get(settings.openid_configuration.userinfo_endpoint)
                .with_header(AUTHORIZATION, format!("Bearer {}", access_token))
                .send("idp")?;
            // Surface any errors and respond early.
            if userinfo_res.get_status().is_client_error() {
                return Ok(responses::unauthorized(userinfo_res.take_body()));
            }
        // Validate the JWT access token.
        } else if settings.config.jwt_access_token
            && validate_token_rs256::<NoCustomClaims>(access_token, &settings).is_err()
        {
            println!("Failed to validate the access token at the edge.");
            return Ok(responses::unauthorized("JWT access token invalid."));
        }

        // Validate the ID token.
        println!("Validating the ID token at the edge...");
        if validate_token_rs256::<NoCustomClaims>(id_token, &settings).is_err() {
            return Ok(responses::unauthorized("ID token invalid."));
        }

        // Authorization and authentication successful!
        return Ok(Response::from_status(200)
        .with_header("oauth-status", "success")
        .with_body("oauth_status=success"));
    }

    // Otherwise, start the OAuth 2.0 authorization code flow.
    println!("Starting OAuth 2.0 authorization code flow...");

    // Generate the Proof Key for Code Exchange (PKCE) code verifier and code challenge.
    let pkce = Pkce::new(settings.config.code_challenge_method);
    // Generate the OAuth 2.0 state parameter, used to prevent CSRF attacks,
    // and store the original request path and query string.
    let state = {
        let path = req.get_path();
        let (sep, query) = match req.get_query_str() {
            Some(q) => ("?", q),
            None => ("", ""),
        };
        let rand_chars = rand_chars(settings.config.state_parameter_length);
        format!("{}{}{}{}", path, sep, query, rand_chars)
    };
    // Generate the OpenID Connect nonce, used to mitigate replay attacks.
    // This is a random value with a twist: in is a time limited token (JWT)
    // that encodes the nonce and the state within its claims.
    let (state_and_nonce, nonce) =
        NonceToken::new(settings.config.nonce_secret).generate_from_state(&state);

    // Build the authorization request.
    let authorize_req = Request::get(settings.openid_configuration.authorization_endpoint)
        .with_query(&AuthCodePayload {
            client_id: settings.config.client_id,
            code_challenge: &pkce.code_challenge,
            code_challenge_method: settings.config.code_challenge_method,
            redirect_uri: &redirect_uri,
            response_type: "code",
            scope: &settings.config.scope,
            state: &state_and_nonce,
            nonce: &nonce,
        })
        .unwrap();

    println!("PKCE code verifier: {}", pkce.code_verifier);
    println!("State: {}", state);
    println!(
        "Redirecting to: {} (and setting code_verifier and state cookies)",
        authorize_req.get_url_str()
    );

    // Redirect to the Identity Provider's login and authorization prompt.
    Ok(responses::temporary_redirect(
        authorize_req.get_url_str(),
        cookies::expired("access_token"),
        cookies::expired("id_token"),
        cookies::session("code_verifier", &pkce.code_verifier),
        cookies::session("state", &state),
    ))
}
