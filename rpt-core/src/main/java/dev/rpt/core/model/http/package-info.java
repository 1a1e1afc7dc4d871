/** HTTP plumbing shared by the real providers: the pooled OkHttp client and response-header parsing. */
package dev.rpt.core.model.http;
