/**
 * The types users, hubconf authors and fetcher plugin authors compile against: repository and host values,
 * defaults, the exception hierarchy, progress events and the {@link io.jhub.api.spi.RepoFetcher} SPI.
 *
 * @since 0.1
 */
module io.jhub.api {
    exports io.jhub.api;
    exports io.jhub.api.spi;
}
