package main

import (
	"embed"
	"fmt"
	"io/fs"

	"jwtlens/keys"
)

// demoFiles holds the sample token and the key that verifies it, for --demo.
//
//go:embed demo/*
var demoFiles embed.FS

// demo is the embedded sample: a token and the key set that verifies it.
type demo struct {
	token []byte
	key   keys.Set
}

// loadDemo reads the embedded sample: demo/token.jwt with demo/key.pem when present,
// otherwise the HS256 sample demo/hs256.jwt with its secret demo/hs256.secret.
func loadDemo() (demo, error) {
	if tok, err := fs.ReadFile(demoFiles, "demo/token.jwt"); err == nil {
		if pem, err := fs.ReadFile(demoFiles, "demo/key.pem"); err == nil {
			return demo{token: tok, key: keys.Read(pem, "demo key (embedded demo/key.pem)")}, nil
		}
	}
	tok, err1 := fs.ReadFile(demoFiles, "demo/hs256.jwt")
	secret, err2 := fs.ReadFile(demoFiles, "demo/hs256.secret")
	if err1 != nil || err2 != nil {
		return demo{}, fmt.Errorf("this build has no demo token embedded; rebuild from a full checkout")
	}
	return demo{token: tok, key: keys.Secret(secret, "demo secret (embedded demo/hs256.secret)")}, nil
}
