package main

import (
	"bytes"
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

// loadDemo reads the embedded sample: demo/token.jwt and demo/key.pem, the public key that
// verifies it (both made by the keys fixture generator).
func loadDemo() (demo, error) {
	tok, err1 := fs.ReadFile(demoFiles, "demo/token.jwt")
	pem, err2 := fs.ReadFile(demoFiles, "demo/key.pem")
	if err1 != nil || err2 != nil {
		return demo{}, fmt.Errorf("this build has no demo token embedded; rebuild from a full checkout")
	}
	// The file ends in a newline, as text files do; the sample is the token alone.
	return demo{token: bytes.TrimSpace(tok), key: keys.Read(pem, "embedded demo/key.pem")}, nil
}
