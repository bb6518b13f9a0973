package org.oncofed.node.link;

import jakarta.inject.Singleton;
import org.oncofed.node.status.ComputeBackend;
import org.oncofed.proto.federation.v1.Hello;

/** Builds the Hello a node introduces itself with: its site, software, compute backend. */
@Singleton
class HelloFactory {

  static final String VERSION = HelloFactory.class.getPackage().getImplementationVersion() == null
      ? "dev" : HelloFactory.class.getPackage().getImplementationVersion();

  private final ComputeBackend backend;

  HelloFactory(ComputeBackend backend) {
    this.backend = backend;
  }

  Hello hello(String siteId) {
    return Hello.newBuilder()
        .setSiteId(siteId)
        .setSoftwareVersion(VERSION)
        .setBackend(backend.name())
        .setDevice(backend.device())
        .build();
  }
}
