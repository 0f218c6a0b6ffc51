package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"io/fs"
	"slices"

	"parindex/internal/par"
	"parindex/internal/site"
)

// publishSources copies the source workbooks the results cite into the
// site, at site.SourceURL (/files/bang-diem/<year>/…), so that a reader
// can open the very cell a figure names, and returns each one's size and
// SHA-256 for the pages. It runs before the render stage: the pages list
// the checksums. The bytes are copied as they are; nothing is parsed
// again.
func publishSources(ctx context.Context, project fs.FS, ds *par.Dataset, res *par.Results, w site.Writer) (map[string]site.SourceFile, error) {
	out := map[string]site.SourceFile{}
	byURL := map[string]string{}
	for _, a := range ds.Assets {
		byURL["/"+a] = "content/" + a // an attachment (content/files/…) holds that address
	}
	for _, p := range site.SourceFiles(res) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		u := site.SourceURL(p)
		if prev, ok := byURL[u]; ok {
			return nil, fmt.Errorf("%s and %s would both be published as %s: rename one of them", prev, p, u)
		}
		byURL[u] = p
		b, err := fs.ReadFile(project, p)
		if err != nil {
			return nil, fmt.Errorf("copy source workbook: %w", err)
		}
		if err := w.WriteFile(site.OutputPath(u), b); err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		out[p] = site.SourceFile{Path: p, URL: u, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])}
	}
	return out, nil
}

// sourceURLs are the URLs of the published source workbooks, sorted.
func sourceURLs(src map[string]site.SourceFile) []string {
	out := make([]string, 0, len(src))
	for _, f := range src {
		out = append(out, f.URL)
	}
	slices.Sort(out)
	return out
}

// mixSources adds to each ranking's digest the checksums of the workbooks
// its results cite: the pages showing the ranking list them, so a
// workbook whose bytes changed without changing a figure still changes
// those pages.
func mixSources(ranks map[string]uint64, res *par.Results, sources map[string]site.SourceFile, seed maphash.Seed) {
	for _, rk := range res.Rankings {
		key := site.RankingKey(rk.Year, rk.Group.ID)
		var h maphash.Hash
		h.SetSeed(seed)
		var b [8]byte
		v := ranks[key]
		for i := range b {
			b[i] = byte(v >> (8 * i))
		}
		h.Write(b[:])
		seen := map[string]bool{}
		for _, r := range rk.Results {
			for _, f := range site.ResultFiles(r) {
				if !seen[f] {
					seen[f] = true
					h.WriteString(f)
					h.WriteString(sources[f].SHA256)
				}
			}
		}
		ranks[key] = h.Sum64()
	}
}
