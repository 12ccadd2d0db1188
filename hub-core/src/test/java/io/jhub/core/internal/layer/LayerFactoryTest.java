package io.jhub.core.internal.layer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.HubException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the layer factory makes for reads it adds after resolution, which resolution would otherwise make. */
class LayerFactoryTest {
    @TempDir
    Path tmp;

    @Test
    void aPackageExportedByAModuleReadAfterDefinitionIsRefusedNamingBoth() {
        HostPlatform platform = HostPlatform.current();
        ModuleDescriptor descriptor = ModuleDescriptor.newOpenModule("hub.split")
                .packages(Set.of("hub.split", "javax.sql")).build();
        Module sql = ModuleLayer.boot().findModule("java.sql").orElseThrow();
        HubException e = assertThrows(HubException.class, () -> LayerFactory.define(platform, descriptor,
                List.of(sql), tmp, tmp, tmp.resolve("lib"), LibModules.of(List.of(), platform, "split"),
                "hub.split", "split"));
        assertTrue(e.getMessage().contains("package javax.sql is also exported by module java.sql"), e.getMessage());
    }
}
