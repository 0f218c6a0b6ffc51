package site

type notFoundPage struct {
	meta
}
