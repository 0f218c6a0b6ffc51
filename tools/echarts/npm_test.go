package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tgz makes an npm-style tarball of name → content.
func tgz(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func integrity(b []byte) string {
	s := sha512.Sum512(b)
	return "sha512-" + base64.StdEncoding.EncodeToString(s[:])
}

func TestVerify(t *testing.T) {
	data := []byte("tarball")
	s1 := sha1.Sum(data)
	good, sha := integrity(data), hex.EncodeToString(s1[:])
	for _, tc := range []struct {
		name, integrity, shasum string
		ok                      bool
	}{
		{"matches", good, sha, true},
		{"matches without shasum", good, "", true},
		{"sha1 entry ignored, sha512 used", "sha1-AAAA " + good, "", true},
		{"other content", integrity([]byte("other")), "", false},
		{"shasum differs", good, strings.Repeat("0", 40), false},
		{"no sha512", "sha1-" + base64.StdEncoding.EncodeToString(s1[:]), sha, false},
		{"empty", "", "", false},
		{"not base64", "sha512-???", "", false},
	} {
		if err := verify(data, tc.integrity, tc.shasum); (err == nil) != tc.ok {
			t.Errorf("%s: verify = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestUnpackRefusesEscape(t *testing.T) {
	dir := t.TempDir()
	if err := unpack(tgz(t, map[string]string{"package/lib/a.js": "a"}), dir); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "lib", "a.js")); err != nil || string(b) != "a" {
		t.Fatalf("lib/a.js = %q, %v", b, err)
	}
	for _, name := range []string{"package/../../evil.js", "evil.js"} {
		if err := unpack(tgz(t, map[string]string{name: "x"}), t.TempDir()); err == nil {
			t.Errorf("%s: unpacked, want an error", name)
		}
	}
}

// registry serves version documents and tarballs like the npm registry;
// docs maps "name/version" to the document's dependencies.
func registry(t *testing.T, deps map[string]map[string]string, corrupt string) *npmRegistry {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	for key, d := range deps {
		name, version, _ := strings.Cut(key, "/")
		ball := tgz(t, map[string]string{"package/package.json": `{"name":"` + name + `"}`})
		doc := map[string]any{"name": name, "version": version, "dependencies": d,
			"dist": map[string]string{"tarball": srv.URL + "/" + name + "/-/" + name + "-" + version + ".tgz", "integrity": integrity(ball)}}
		if key == corrupt {
			ball = append(ball, 0)
		}
		mux.HandleFunc("/"+key, func(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(doc) })
		mux.HandleFunc("/"+name+"/-/"+name+"-"+version+".tgz", func(w http.ResponseWriter, r *http.Request) { w.Write(ball) })
	}
	return &npmRegistry{base: srv.URL + "/", client: srv.Client()}
}

func TestResolve(t *testing.T) {
	ctx := context.Background()
	ok := map[string]map[string]string{
		"echarts/5.6.0": {"zrender": "5.6.1", "tslib": "2.3.0"},
		"zrender/5.6.1": {"tslib": "2.3.0"},
		"tslib/2.3.0":   nil,
	}
	r := registry(t, ok, "")
	pkgs, err := resolve(ctx, r, "echarts", "5.6.0")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pkgs {
		got = append(got, p.Name+"@"+p.Version)
		if _, err := r.tarball(ctx, p); err != nil {
			t.Errorf("tarball %s: %v", p.Name, err)
		}
	}
	if strings.Join(got, " ") != "echarts@5.6.0 tslib@2.3.0 zrender@5.6.1" {
		t.Errorf("resolved %v", got)
	}

	r = registry(t, ok, "zrender/5.6.1")
	pkgs, _ = resolve(ctx, r, "echarts", "5.6.0")
	if _, err := r.tarball(ctx, pkgs[2]); err == nil || !strings.Contains(err.Error(), "zrender@5.6.1") {
		t.Errorf("corrupt tarball: err = %v, want an integrity error naming zrender@5.6.1", err)
	}

	for name, deps := range map[string]map[string]map[string]string{
		"range": {"echarts/5.6.0": {"zrender": "^5.6.1"}},
		"two versions": {
			"echarts/5.6.0": {"zrender": "5.6.1", "tslib": "2.3.0"},
			"zrender/5.6.1": {"tslib": "2.4.0"},
			"tslib/2.3.0":   nil,
		},
	} {
		if _, err := resolve(ctx, registry(t, deps, ""), "echarts", "5.6.0"); err == nil {
			t.Errorf("%s: resolved, want an error", name)
		}
	}
}

func TestEntryRegistersEveryModule(t *testing.T) {
	src := strings.Join(entry(), "\n")
	for _, m := range modules {
		if !strings.Contains(src, m.Name) || !strings.Contains(src, "'"+m.From+"'") {
			t.Errorf("entry lacks %s from %s:\n%s", m.Name, m.From, src)
		}
	}
	if !strings.Contains(src, "export * from 'echarts/core';") {
		t.Errorf("entry does not export echarts/core:\n%s", src)
	}
}
