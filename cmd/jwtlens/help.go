package main

// mainHelp is the text of `jwtlens --help`.
const mainHelp = `jwtlens — see what is wrong with a JSON Web Token, then verify it.

Usage:
  jwtlens [flags] [TOKEN | FILE | -]        interactive inspector; TOKEN, FILE or stdin prefills it
  jwtlens check [flags] [TOKEN | FILE | -]  one report, no UI (run 'jwtlens check --help')

An argument that does not look like a token and names a regular file is read as the input
(up to --max-size); "-" or no argument reads stdin.

Without a terminal (stdout piped, TERM=dumb) jwtlens prints the report 'check' prints.

Examples:
  jwtlens                                     open the inspector, then paste a token
  jwtlens --demo                              try it on the embedded sample token and key
  jwtlens --paste                             inspect what the clipboard holds
  jwtlens eyJhbGciOi...                       inspect a token given as an argument
  jwtlens token.txt                           inspect the token in a file (or < token.txt)
  grep -m1 Authorization app.log | jwtlens    pipe a log line; the token is found in it
  jwtlens --key pub.pem eyJhbGciOi...         verify while you inspect
  jwtlens check --key pub.pem < token.txt     a report and an exit status, for scripts
  jwtlens check --secret-file hmac.key --claims "sub='alice';iss='sip.example'" TOKEN
                                              Kamailio-style: the claims the server expects

Flags:
` + sharedFlags + `  --key-dir DIR       the folder the key chooser (ctrl+o) starts in
  --demo              load the embedded sample token and key
  --version           print the version
  -h, --help          this help
`

// checkHelp is the text of `jwtlens check --help`.
const checkHelp = `jwtlens check — one report on a token, no UI, and an exit status.

Usage:
  jwtlens check [flags] [TOKEN | FILE | -]

The token is the argument, or the whole of stdin when there is none or it is "-": a bare
token, an Authorization header, a cookie, a JSON body, an HTTP request or SIP message, a
log line. An argument that does not look like a token and names a regular file is read as
the input (up to --max-size), and the report says "read from FILE". Flags may come before
or after the token.

Exit status:
  0  no error finding (and the signature verified, when a key or secret was given)
  1  the token, the key or the claims have an error finding
  2  misuse: a bad flag, or a file that cannot be read

Examples:
  jwtlens check eyJhbGciOi...                           what is wrong with it?
  pbpaste | jwtlens check                               from the clipboard (macOS)
  grep -m1 'Bearer ' access.log | jwtlens check         from a log line
  jwtlens check --key pub.pem token.txt                 verify the token in a file with a public key
  jwtlens check --key jwks.json TOKEN                    verify with a JWK set saved to a file
  jwtlens check --secret-file hmac.key --claims "sub='alice';iss='sip.example'" TOKEN
                                                        Kamailio-style expected claims
  jwtlens check --now 2026-12-03T14:00:00Z --leeway 30s TOKEN
                                                        judge exp/nbf at a given time
  jwtlens check --json TOKEN | jq .findings             machine-readable

Flags:
` + sharedFlags + `  --json              print one JSON object (fields in the README)
  -h, --help          this help
`

// sharedFlags are the flags both modes take, listed once for both help texts.
const sharedFlags = `  --key FILE          PEM (PKCS#1, PKCS#8, PKIX, SEC1), certificate, JWK or JWKS; repeatable
  --secret TEXT       HMAC secret; --secret-file FILE reads one byte for byte
  --claims SPEC       Kamailio-style expected claims, e.g. "sub='alice';iss='x';n=5"
  --expect NAME=VALUE an expected claim value; repeatable
  --leeway DURATION   clock leeway for exp, nbf and iat (default 0), e.g. 30s
  --now TIME          judge times at TIME (RFC 3339 or Unix seconds) instead of the clock
  --max-size SIZE     input size cap (default 1MiB), e.g. 4MiB
  --paste             read the token from the system clipboard (not over SSH: paste instead)
`
