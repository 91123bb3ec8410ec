package dev.softdelete.spring;

import dev.softdelete.test.SqlRecorder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The test kit attached to a Spring application as docs/spring-boot.md shows: the recorder wraps
 * the DataSource bean. Tests import it and turn leak detection on for the application's factory.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingDataSource {

    /** Shared by the contexts that import this configuration; each test resets it. */
    public static final SqlRecorder SQL = SqlRecorder.create();

    @Bean
    static BeanPostProcessor wrapDataSourceWithRecorder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? SQL.wrap(dataSource) : bean;
            }
        };
    }
}
