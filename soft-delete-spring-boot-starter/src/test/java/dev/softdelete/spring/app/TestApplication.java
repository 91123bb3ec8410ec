package dev.softdelete.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's tests boot: posts with comments that cascade. */
@SpringBootApplication
public class TestApplication {
}
