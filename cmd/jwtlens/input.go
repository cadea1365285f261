package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"jwtlens/inspect"
	"jwtlens/keys"
	"jwtlens/ui/clip"
)

// maxKeyFile bounds how much of a key or secret file is read: the limit keys.Read applies
// to key material, so there is one limit, said one way (sizeWords).
const maxKeyFile = keys.MaxInput

// env is what the command reads from the world: the streams and the clock.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
}

// inspectOptions builds the diagnosis options from the flags: it reads the key and secret
// files, parses the expectations and --now. Errors are misuse (exit 2).
func (o *options) inspectOptions(e env) (inspect.Options, error) {
	opt := inspect.Options{Leeway: time.Duration(o.leeway), MaxSize: int(o.maxSize)}
	opt.Now = e.now().UTC()
	if o.now != "" {
		t, err := parseNow(o.now)
		if err != nil {
			return opt, err
		}
		opt.Now = t
	}
	for _, path := range o.keyFiles {
		data, err := readKeyFile(path, "--key")
		if err != nil {
			return opt, err
		}
		opt.Keys = append(opt.Keys, keys.Read(data, path))
	}
	for _, path := range o.secretFiles {
		data, err := readKeyFile(path, "--secret-file")
		if err != nil {
			return opt, err
		}
		opt.Keys = append(opt.Keys, keys.Secret(data, path))
	}
	for _, s := range o.secrets {
		opt.Keys = append(opt.Keys, keys.Secret([]byte(s), "--secret"))
	}
	for _, spec := range o.claims {
		if err := checkClaimsSpec(spec); err != nil {
			return opt, err
		}
		exps, err := inspect.ParseClaimsSpec(spec)
		if err != nil {
			// The parser's message names --claims, the spec and the character already.
			return opt, misuse("%s; write it as \"sub='alice';iss='x';n=5\" (strings in quotes, numbers bare)", err.Error())
		}
		opt.Expect = append(opt.Expect, exps...)
	}
	for _, s := range o.expects {
		exp, err := inspect.ParseExpect(s)
		if err != nil {
			// The parser's message names --expect, the value and the fix already.
			return opt, misuse("%s", err.Error())
		}
		opt.Expect = append(opt.Expect, exp)
	}
	return opt, nil
}

// keysGiven says whether any key or secret flag was given.
func (o *options) keysGiven() bool {
	return len(o.keyFiles)+len(o.secrets)+len(o.secretFiles) > 0
}

// readKeyFile reads a key or secret file, with an error that names the path and says what
// to do.
func readKeyFile(path, flagName string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, flagName, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, misuse("%s %s: that is a directory; give the key file inside it", flagName, path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, fileError(path, flagName, err)
	}
	if len(data) > maxKeyFile {
		return nil, misuse("%s %s: over %s, the limit for key files; no key is that large, so check the path", flagName, path, inspect.SizeWords(maxKeyFile))
	}
	return data, nil
}

// fileError explains why a file could not be read.
func fileError(path, flagName string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if filepath.IsAbs(path) {
			return misuse("%s %s: no such file; check the path", flagName, path)
		}
		return misuse("%s %s: no such file; check the path (it is relative to %s)", flagName, path, cwd())
	case errors.Is(err, fs.ErrPermission):
		return misuse("%s %s: permission denied; make the file readable by this user or copy it somewhere readable", flagName, path)
	}
	return misuse("%s %s: cannot read it (%v)", flagName, path, unwrapPathError(err))
}

// unwrapPathError drops the operation and path the caller already states.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// cwd is the working directory, for messages.
func cwd() string {
	d, err := os.Getwd()
	if err != nil {
		return "the current directory"
	}
	return d
}

// clipboardTimeout bounds the wait for the system clipboard (xclip can hang without an
// owner of the selection).
const clipboardTimeout = 3 * time.Second

// input is what the command inspects, and where it came from.
type input struct {
	raw    []byte
	source string // the file a file argument named, when it was read; "" otherwise
	capped bool   // reading stopped at the size cap: there was more
}

// pasteError is --paste finding no usable clipboard or no token on it. check reports it as
// misuse; the inspector opens anyway and shows it as a notice.
type pasteError struct{ msg string }

func (e *pasteError) Error() string { return e.msg }

// readInput returns the input: the clipboard with --paste, else what readToken reads.
func (o *options) readInput(pos []string, e env, maxSize int, cmd string) (input, error) {
	if !o.paste {
		return readToken(pos, e, maxSize, cmd)
	}
	if len(pos) > 0 {
		return input{}, misuse("--paste takes the token from the clipboard; drop the token argument, or drop --paste")
	}
	ctx, cancel := context.WithTimeout(context.Background(), clipboardTimeout)
	defer cancel()
	s, err := clip.ReadToken(ctx)
	if err != nil {
		return input{}, &pasteError{"--paste: " + inspect.Sanitize(err.Error())}
	}
	return input{raw: []byte(s)}, nil
}

// readToken returns the input: the one positional argument — or, when it is not
// token-like and names a regular file, that file's contents — or the whole of stdin when
// there is none or it is "-". Files and stdin are read up to maxSize+1 bytes, so an
// oversized input is diagnosed without reading it all.
func readToken(pos []string, e env, maxSize int, cmd string) (input, error) {
	if len(pos) > 1 {
		return input{}, misuse("%d arguments given, but %s takes one token; quote the token, or pipe it on stdin", len(pos), cmd)
	}
	if len(pos) == 1 && pos[0] != "-" {
		if path := pos[0]; !tokenLike(path) {
			st, err := os.Stat(path)
			if err == nil && st.Mode().IsRegular() {
				return readFileInput(path, maxSize)
			}
			if err != nil && pathLike(path) {
				return input{}, fileError(path, "the token file", err)
			}
		}
		return input{raw: []byte(pos[0])}, nil
	}
	if f, ok := e.stdin.(*os.File); ok && isTerminal(f) {
		fmt.Fprintln(e.stderr, "jwtlens: reading the token from stdin; paste it, then press Enter and Ctrl-D")
	}
	data, err := io.ReadAll(io.LimitReader(e.stdin, int64(maxSize)+1))
	if err != nil {
		return input{}, misuse("cannot read stdin (%v); pass the token as an argument instead", err)
	}
	return input{raw: data, capped: len(data) > maxSize}, nil
}

// readFileInput reads the token file path, up to maxSize+1 bytes.
func readFileInput(path string, maxSize int) (input, error) {
	f, err := os.Open(path)
	if err != nil {
		return input{}, fileError(path, "the token file", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(maxSize)+1))
	if err != nil {
		return input{}, fileError(path, "the token file", err)
	}
	return input{raw: data, source: path, capped: len(data) > maxSize}, nil
}

// tokenLike reports whether an argument is meant as a token rather than a file name: it
// starts like a JOSE header ("eyJ"), or is long with two dots and only base64url
// characters. Anything else that names a regular file is read as one (a pasted header or
// log line names no file, so it stays text).
func tokenLike(s string) bool {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "eyJ") {
		return true
	}
	if len(t) < 20 || strings.Count(t, ".") < 2 {
		return false
	}
	for _, c := range []byte(t) {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '=') {
			return false
		}
	}
	return true
}

// pathLike reports whether an argument that names no file was plainly meant as a path: it
// has a directory separator, or ends in an extension token files have, and no spaces. Such
// an argument is misuse (exit 2), not a token to diagnose.
func pathLike(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\n=") {
		return false
	}
	if strings.ContainsRune(s, '/') {
		return true
	}
	switch strings.ToLower(filepath.Ext(s)) {
	case ".txt", ".jwt", ".jws", ".jwe", ".token", ".tok", ".log", ".json", ".har", ".http", ".sip", ".pcap":
		return true
	}
	return false
}
