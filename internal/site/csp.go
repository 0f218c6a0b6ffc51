package site

// ContentSecurityPolicy is the policy every page is built to work under:
// nothing but the site's own files, no inline script, style or event
// handler (chart options and page data travel as JSON data islands, which a
// browser does not execute). Every page declares it in a
// <meta http-equiv="Content-Security-Policy"> tag; the portal's web server
// should also send it as a header (README.md: "Publishing"), which is the
// only way to add frame-ancestors, a directive a meta tag cannot carry.
const ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"
