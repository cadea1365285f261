package chooser

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"jwtlens/keys"
)

// DefaultMaxFile is the largest key file read (a JWKS of many certificates stays far below).
const DefaultMaxFile = 1 << 20

// Extensions are the file name endings the list shows: the files that can hold keys.
var Extensions = []string{".pem", ".crt", ".cer", ".pub", ".key", ".der", ".jwk", ".json"}

// entry is one line of the directory list.
type entry struct {
	name string
	dir  bool
	size int64
}

// dirMsg is the result of reading a directory.
type dirMsg struct {
	id      int
	dir     string
	entries []entry
	err     error
}

// keyFile reports whether name ends with one of Extensions (in any case).
func keyFile(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range Extensions {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// readDir lists dir: its parent, its directories, then its key files, each group by
// name; hidden names are left out.
func readDir(id int, dir string) dirMsg {
	des, err := os.ReadDir(dir)
	if err != nil {
		return dirMsg{id: id, dir: dir, err: err}
	}
	var dirs, files []entry
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		isDir := de.IsDir()
		var size int64
		info, err := de.Info()
		if err == nil && info.Mode()&fs.ModeSymlink != 0 {
			info, err = os.Stat(filepath.Join(dir, name))
			if err == nil {
				isDir = info.IsDir()
			}
		}
		if err == nil {
			size = info.Size()
		}
		switch {
		case isDir:
			dirs = append(dirs, entry{name: name, dir: true})
		case keyFile(name):
			files = append(files, entry{name: name, size: size})
		}
	}
	sort.Slice(dirs, func(i, j int) bool { return dirs[i].name < dirs[j].name })
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	var list []entry
	if parent := filepath.Dir(dir); parent != dir {
		list = append(list, entry{name: "..", dir: true})
	}
	list = append(append(list, dirs...), files...)
	return dirMsg{id: id, dir: dir, entries: list}
}

// loadedMsg is the result of a load.
type loadedMsg struct {
	id   int
	set  keys.Set
	err  error  // the file could not be read (with a plain message)
	dir  string // the input named a directory: the list goes there instead
	what string // what was loaded, for the status line
}

// inputKind is what the text of the field holds.
type inputKind int

const (
	inputEmpty    inputKind = iota
	inputPEM                // a PEM block (maybe with escaped or lost line breaks)
	inputJSON               // a JWK or JWKS
	inputPathLike           // looks like a path: a file is read, a missing one is an error
	inputOther              // a path if one exists there, else an HMAC secret
)

// classify says what the field's text looks like, without touching the disk.
func classify(s string) inputKind {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return inputEmpty
	case strings.Contains(t, "-----BEGIN"):
		return inputPEM
	case strings.HasPrefix(t, "{"):
		return inputJSON
	case pathLike(t):
		return inputPathLike
	}
	return inputOther
}

// pathLike reports whether s reads as a path: one line without spaces that has a slash,
// starts with . or ~, or ends with (or holds, or begins) a key file's extension, as
// "ec256.pub.p" does.
func pathLike(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	if strings.Contains(s, "/") || strings.HasPrefix(s, ".") || strings.HasPrefix(s, "~") || keyFile(s) {
		return true
	}
	lower := strings.ToLower(s)
	dot := strings.LastIndex(lower, ".")
	for _, ext := range Extensions {
		if strings.Contains(lower, ext+".") || dot > 0 && len(lower)-dot >= 2 && strings.HasPrefix(ext, lower[dot:]) {
			return true
		}
	}
	return false
}

// similar returns up to three names in dir that look like a mistyped base: the same
// but for a few characters, or one the start of the other.
func similar(dir, base string) []string {
	des, err := os.ReadDir(dir)
	if err != nil || base == "" {
		return nil
	}
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	b := strings.ToLower(base)
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		n := strings.ToLower(name)
		d := editDistance(b, n)
		switch {
		case d <= max(2, len(b)/4):
		case len(b) >= 3 && (strings.HasPrefix(n, b) || strings.HasPrefix(b, n) && len(n) >= 3):
			d = 3 + abs(len(n)-len(b))
		default:
			continue
		}
		cs = append(cs, cand{name, d})
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].d < cs[j].d || cs[i].d == cs[j].d && cs[i].name < cs[j].name })
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance of a and b, in bytes (names are short).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// noSuchFile says that the typed path names nothing, with the names like it in its folder.
func noSuchFile(typed, path string) error {
	msg := "no such file: " + typed
	if names := similar(filepath.Dir(path), filepath.Base(path)); len(names) > 0 {
		msg += "; did you mean " + strings.Join(names, ", ") + "?"
	} else {
		msg += " (in " + filepath.Dir(path) + ")."
	}
	return errors.New(msg + " (ctrl+s: use the text as an HMAC secret)")
}

// resolve turns a typed path into one to open: ~ is the home directory, a relative path
// is relative to the listed directory.
func resolve(s, dir string) string {
	if strings.HasPrefix(s, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			s = filepath.Join(home, s[2:])
		}
	}
	if !filepath.IsAbs(s) {
		s = filepath.Join(dir, s)
	}
	return filepath.Clean(s)
}

// loader reads keys; its functions are package keys' in the product.
type loader struct {
	read    func([]byte, string) keys.Set
	secret  func([]byte, string) keys.Set
	maxFile int64
}

// loadInput reads what the field holds. asSecret forces an HMAC secret.
func (l loader) loadInput(id int, input, dir string, asSecret bool) loadedMsg {
	if asSecret {
		// A file named by the text is a secret file (as --secret-file reads one);
		// otherwise the text itself is the secret.
		if path := resolve(input, dir); !strings.ContainsAny(input, "\r\n") {
			if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
				return l.loadSecretFile(id, path)
			}
		}
		return loadedMsg{id: id, set: l.secret([]byte(input), "typed secret"), what: fmt.Sprintf("a secret of %d bytes", len(input))}
	}
	switch classify(input) {
	case inputPEM:
		return loadedMsg{id: id, set: l.read([]byte(input), "pasted PEM"), what: "the pasted PEM"}
	case inputJSON:
		return loadedMsg{id: id, set: l.read([]byte(input), "pasted JWK"), what: "the pasted JSON"}
	case inputPathLike, inputOther:
		// A path pasted with its line break, or ended by an enter of a burst, is still
		// that path.
		typed := strings.TrimSpace(input)
		path := resolve(typed, dir)
		info, err := os.Stat(path)
		switch {
		case err == nil && info.IsDir():
			return loadedMsg{id: id, dir: path}
		case err == nil:
			return l.loadFile(id, path)
		case pathLike(typed), len(similar(filepath.Dir(path), filepath.Base(path))) > 0:
			// A mistyped path is never a secret without ctrl+s.
			return loadedMsg{id: id, err: noSuchFile(typed, path)}
		}
		return loadedMsg{id: id, set: l.secret([]byte(input), "typed secret"), what: fmt.Sprintf("a secret of %d bytes", len(input))}
	}
	return loadedMsg{id: id, err: errors.New("the field is empty: type a path, or paste a PEM, a JWK or a secret")}
}

// loadFile reads a key file, at most maxFile bytes, and the keys in it.
func (l loader) loadFile(id int, path string) loadedMsg {
	data, msg := l.readBounded(id, path)
	if msg != nil {
		return *msg
	}
	return loadedMsg{id: id, set: l.read(data, path), what: filepath.Base(path)}
}

// readBounded reads at most maxFile bytes of path, or says why it cannot.
func (l loader) readBounded(id int, path string) ([]byte, *loadedMsg) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &loadedMsg{id: id, err: fmt.Errorf("cannot open %s: %s", path, reason(err))}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, l.maxFile+1))
	if err != nil {
		return nil, &loadedMsg{id: id, err: fmt.Errorf("cannot read %s: %s", path, reason(err))}
	}
	if int64(len(data)) > l.maxFile {
		return nil, &loadedMsg{id: id, err: fmt.Errorf("%s is over %d bytes: not a key file; choose the key itself", path, l.maxFile)}
	}
	return data, nil
}

// loadSecretFile reads a file whose bytes are an HMAC secret, exactly as they are.
func (l loader) loadSecretFile(id int, path string) loadedMsg {
	data, msg := l.readBounded(id, path)
	if msg != nil {
		return *msg
	}
	return loadedMsg{id: id, set: l.secret(data, path), what: "the secret in " + filepath.Base(path)}
}

// reason says why a file operation failed, without Go's "open x:" prefix.
func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied (is it readable by you?)"
	case errors.Is(err, fs.ErrNotExist):
		return "it does not exist"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// humanSize writes a file size: "451 B", "1.2 KiB", "3.0 MiB".
func humanSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
