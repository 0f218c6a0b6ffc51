package main

import (
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
)

// Flag values that check what the user typed and say plainly what is
// wrong ("--year abc: not a year …"), instead of a Go parse error. They
// satisfy pflag's Value interface (String, Set, Type).

// flagValueError is what a flag's Set returns; root.go's flag error
// function prints it as "--name value: message".
type flagValueError struct {
	flag, value, msg string
}

func (e *flagValueError) Error() string {
	return fmt.Sprintf("--%s %s: %s", e.flag, e.value, e.msg)
}

// plainFlagError returns the flagValueError inside a flag parse error, if
// any, so the message is ours and not pflag's "invalid argument …".
func plainFlagError(err error) error {
	var fe *flagValueError
	if errors.As(err, &fe) {
		return fe
	}
	// A flag of pflag's own types: a switch given a value (--timings=maybe).
	if m := pflagBool.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("%s=%s: not true or false (a switch needs no value)", m[2], quoteArg(m[1]))
	}
	return err
}

var pflagBool = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?(--[\w-]+)" flag: strconv\.ParseBool: `)

// yearFlag is a results year.
type yearFlag struct {
	name string
	p    *int
}

func (f yearFlag) String() string {
	if f.p == nil || *f.p == 0 {
		return ""
	}
	return strconv.Itoa(*f.p)
}

func (f yearFlag) Type() string { return "year" }

func (f yearFlag) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1900 || n > 2200 {
		return &flagValueError{f.name, quoteArg(s), "not a year (write the results year with four digits, e.g. 2024)"}
	}
	*f.p = n
	return nil
}

// workersFlag is a number of workers, 0 meaning one per CPU.
type workersFlag struct {
	name string
	p    *int
}

func (f workersFlag) String() string {
	if f.p == nil {
		return "0"
	}
	return strconv.Itoa(*f.p)
}

func (f workersFlag) Type() string { return "n" }

func (f workersFlag) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case err != nil:
		return &flagValueError{f.name, quoteArg(s), "not a whole number (0 means one per CPU)"}
	case n < 0:
		return &flagValueError{f.name, quoteArg(s), "must be 0 (one per CPU) or more"}
	case n > 1024:
		return &flagValueError{f.name, quoteArg(s), "too many (at most 1024)"}
	}
	*f.p = n
	return nil
}

// stringFlag is a flag whose value check accepts: check returns the value
// to keep (trimmed, say) and what is wrong with it, "" when nothing is.
type stringFlag struct {
	name, typ string
	p         *string
	check     func(string) (value, problem string)
}

func (f stringFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}

func (f stringFlag) Type() string { return f.typ }

func (f stringFlag) Set(s string) error {
	v, problem := f.check(s)
	if problem != "" {
		return &flagValueError{f.name, quoteArg(v), problem}
	}
	*f.p = v
	return nil
}

// addrFlag is a host:port to listen on.
func addrFlag(p *string) stringFlag {
	return stringFlag{name: "addr", typ: "host:port", p: p, check: func(s string) (string, string) {
		_, port, err := net.SplitHostPort(s)
		if err != nil {
			return s, "not a host:port address (e.g. 127.0.0.1:8080, or :8080 for every interface)"
		}
		if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
			return s, "the port must be a number from 0 to 65535"
		}
		return s, ""
	}}
}

// quoteArg quotes an argument only when it needs it to be read back.
func quoteArg(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\"'") {
		return strconv.Quote(s)
	}
	return s
}
