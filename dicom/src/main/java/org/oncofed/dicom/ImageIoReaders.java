package org.oncofed.dicom;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The exact ImageIO plugins OncoFed decodes with, picked by class rather than by format name so
 * that another JPEG plugin on the classpath cannot silently take over.
 */
final class ImageIoReaders {

  static {
    // Never spill codec input to temporary files: frames are already in memory.
    ImageIO.setUseCache(false);
    Jj2000Logging.routeToSlf4j();
  }

  private ImageIoReaders() {}

  static ImageReader jpeg() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    ImageReaderSpi spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
    if (spi == null) {
      // Registration lets the TwelveMonkeys provider find the JDK reader it delegates to.
      registry.registerServiceProvider(new JPEGImageReaderSpi(), ImageReaderSpi.class);
      spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
    }
    return create(spi);
  }

  static ImageReader jpeg2000() {
    return create(new J2KImageReaderSpi());
  }

  private static ImageReader create(ImageReaderSpi spi) {
    try {
      return spi.createReaderInstance();
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + spi.getDescription(null), e);
    }
  }
}
