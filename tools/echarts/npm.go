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
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// npmPackage is the part of a registry's version document the build uses.
type npmPackage struct {
	Name         string            `json:"name"`
	Version      string            `json:"version"`
	Dependencies map[string]string `json:"dependencies"`
	Dist         struct {
		Tarball   string `json:"tarball"`
		Integrity string `json:"integrity"` // "sha512-<base64>"
		Shasum    string `json:"shasum"`    // sha1, hex
	} `json:"dist"`
}

// npmRegistry reads version documents and tarballs from an npm registry
// over plain HTTP(S): the build needs three packages, not an npm client.
type npmRegistry struct {
	base   string
	client *http.Client
}

// maxDownload bounds one document or tarball (echarts' is about 10 MB).
const maxDownload = 64 << 20

func (r *npmRegistry) get(ctx context.Context, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxDownload+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if len(b) > maxDownload {
		return nil, fmt.Errorf("GET %s: larger than %d bytes", u, maxDownload)
	}
	return b, nil
}

// version fetches the version document of name@version.
func (r *npmRegistry) version(ctx context.Context, name, version string) (*npmPackage, error) {
	u := strings.TrimSuffix(r.base, "/") + "/" + url.PathEscape(name) + "/" + url.PathEscape(version)
	b, err := r.get(ctx, u)
	if err != nil {
		return nil, err
	}
	var p npmPackage
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("%s@%s: registry document: %w", name, version, err)
	}
	if p.Name != name || p.Version != version {
		return nil, fmt.Errorf("%s@%s: registry answered %s@%s", name, version, p.Name, p.Version)
	}
	return &p, nil
}

// tarball downloads p's tarball and checks it against the registry's
// integrity (and shasum, when given) before anything reads it. The tarball
// must come from the registry's own host: a document pointing elsewhere is
// refused rather than followed.
func (r *npmRegistry) tarball(ctx context.Context, p *npmPackage) ([]byte, error) {
	bu, err := url.Parse(r.base)
	if err != nil {
		return nil, fmt.Errorf("registry %q: %w", r.base, err)
	}
	tu, err := url.Parse(p.Dist.Tarball)
	if err != nil || tu.Scheme != bu.Scheme || tu.Host != bu.Host {
		return nil, fmt.Errorf("%s@%s: tarball %q is not on the registry %s", p.Name, p.Version, p.Dist.Tarball, r.base)
	}
	b, err := r.get(ctx, p.Dist.Tarball)
	if err != nil {
		return nil, err
	}
	if err := verify(b, p.Dist.Integrity, p.Dist.Shasum); err != nil {
		return nil, fmt.Errorf("%s@%s: %w", p.Name, p.Version, err)
	}
	return b, nil
}

// verify checks data against an integrity string (Subresource Integrity
// form; its sha512 entry is required) and, if given, a hex sha1 shasum.
func verify(data []byte, integrity, shasum string) error {
	var want []byte
	for _, f := range strings.Fields(integrity) {
		alg, b64, ok := strings.Cut(f, "-")
		if !ok || alg != "sha512" {
			continue
		}
		d, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(d) != sha512.Size {
			return fmt.Errorf("integrity %q: not a sha512 digest", f)
		}
		want = d
	}
	if want == nil {
		return fmt.Errorf("integrity %q: no sha512 digest to check against", integrity)
	}
	if got := sha512.Sum512(data); !bytes.Equal(got[:], want) {
		return fmt.Errorf("tarball sha512 %s does not match the registry's integrity %s",
			base64.StdEncoding.EncodeToString(got[:]), integrity)
	}
	if shasum != "" {
		if got := sha1.Sum(data); hex.EncodeToString(got[:]) != strings.ToLower(shasum) {
			return fmt.Errorf("tarball sha1 %x does not match the registry's shasum %s", got, shasum)
		}
	}
	return nil
}

var exactVersion = regexp.MustCompile(`^\d+\.\d+\.\d+$`)

// resolve fetches name@version and, transitively, its dependencies. Every
// dependency must be pinned to an exact version and each package may occur
// in one version only, so a flat node_modules holds them all; anything
// else is an error to look at, not something to guess around.
func resolve(ctx context.Context, r *npmRegistry, name, version string) ([]*npmPackage, error) {
	seen := map[string]*npmPackage{}
	var out []*npmPackage
	type want struct{ name, version, by string }
	queue := []want{{name, version, ""}}
	for len(queue) > 0 {
		w := queue[0]
		queue = queue[1:]
		if p := seen[w.name]; p != nil {
			if p.Version != w.version {
				return nil, fmt.Errorf("%s needs %s@%s but %s is already %s: a flat node_modules cannot hold both", w.by, w.name, w.version, w.name, p.Version)
			}
			continue
		}
		if !exactVersion.MatchString(w.version) {
			return nil, fmt.Errorf("%s depends on %s %q: only exact versions are accepted", w.by, w.name, w.version)
		}
		p, err := r.version(ctx, w.name, w.version)
		if err != nil {
			return nil, err
		}
		seen[w.name] = p
		out = append(out, p)
		deps := make([]string, 0, len(p.Dependencies))
		for d := range p.Dependencies {
			deps = append(deps, d)
		}
		sort.Strings(deps)
		for _, d := range deps {
			queue = append(queue, want{d, p.Dependencies[d], p.Name + "@" + p.Version})
		}
	}
	return out, nil
}

// maxUnpacked bounds what one tarball may unpack to.
const maxUnpacked = 256 << 20

// unpack extracts an npm tarball (files under "package/") into dir. Only
// regular files are written; a path that would leave dir is an error.
func unpack(data []byte, dir string) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	var total int64
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg {
			continue // directories are made as needed; links are not followed
		}
		name := path.Clean(strings.TrimPrefix(h.Name, "/"))
		_, rel, ok := strings.Cut(name, "/") // strip "package/"
		if !ok || !filepath.IsLocal(name) || !filepath.IsLocal(rel) {
			return fmt.Errorf("tarball entry %q is outside the package", h.Name)
		}
		total += h.Size
		if total > maxUnpacked {
			return fmt.Errorf("tarball unpacks to more than %d bytes", maxUnpacked)
		}
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		f, err := os.Create(dst)
		if err != nil {
			return err
		}
		_, err = io.Copy(f, io.LimitReader(tr, h.Size))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
}
