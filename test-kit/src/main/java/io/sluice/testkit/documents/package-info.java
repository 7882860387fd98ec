/**
 * The official AsyncAPI and OpenAPI tools run over documents Sluice generates or serves: {@link
 * io.sluice.testkit.documents.OfficialDocumentCheck} installs {@code @asyncapi/parser} 3.x and
 * Spectral with npm and fails a test on any error either reports.
 */
package io.sluice.testkit.documents;
