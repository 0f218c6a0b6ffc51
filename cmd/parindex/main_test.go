package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the parindex command in scripts,
// so they run the real command line, flags, output and exit codes.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"parindex": main})
}

// TestScripts runs testdata/script/*.txtar: the CLI as a user meets it.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Keep the scripts independent of the machine's CI setting.
			env.Setenv("CI", os.Getenv("CI"))
			return nil
		},
	})
}
